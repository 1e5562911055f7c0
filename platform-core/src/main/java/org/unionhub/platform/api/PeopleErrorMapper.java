package org.unionhub.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.unionhub.platform.people.PeopleRefusedException;

/** 422 with every problem of a change to people (every row's, for a bulk creation). */
@Provider
public class PeopleErrorMapper implements ExceptionMapper<PeopleRefusedException> {
  @Override
  public Response toResponse(PeopleRefusedException e) {
    return ErrorMappers.fieldErrors(e.errors());
  }
}
