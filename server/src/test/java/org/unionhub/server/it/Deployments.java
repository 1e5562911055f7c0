package org.unionhub.server.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as-is: the tests exercise what users get. */
final class Deployments {

  private Deployments() {}

  static WebArchive unionhub() {
    File war = new File(System.getProperty("unionhub.it.war", "target/unionhub.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }
}
