package org.unionhub.server.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.unionhub.platform.request.OpenRequests;

/**
 * Runs the start-up pass of {@link OpenRequests} on demand, as a restart would, and answers how
 * many requests it marked finished. Only {@link EnrollmentApiIT}'s deployment carries it.
 */
@WebServlet("/it/open-requests")
public class OpenRequestsProbe extends HttpServlet {

  @Inject OpenRequests openRequests;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    long marked = openRequests.markFinished();
    resp.setContentType("text/plain");
    resp.getWriter().print(marked);
  }
}
