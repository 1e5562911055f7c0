package org.unionhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import java.beans.Introspector;

/**
 * Empties the JDK's JavaBeans introspection cache when the application stops. Liquibase and the
 * Faces expression language introspect the application's classes, and the JDK keeps what it found
 * in a cache shared by the whole server that lets go of a class only when memory runs short: until
 * then each undeployed copy of the application, with every class it loaded, stays in Metaspace.
 */
@ApplicationScoped
public class IntrospectionCacheFlush {

  void flush(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    Introspector.flushCaches();
  }
}
