package org.unionhub.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B context for every request and response of the API. Without a resolver, RESTEasy's
 * JSON-B provider builds a fresh {@code Jsonb} (Yasson's context, its JSON-P provider looked up
 * through {@code ServiceLoader}, its class models) for every entity it reads or writes and throws
 * it away afterwards; that was about a quarter of the server's CPU under submission load (issue 13,
 * BENCHMARKS.md). A {@code Jsonb} is thread-safe and caches what it learns about each class, so one
 * shared instance, built with the same defaults RESTEasy uses ({@code JsonbBuilder.create()}),
 * writes exactly the same JSON.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class SharedJsonb implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
