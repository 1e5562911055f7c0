package org.unionhub.platform.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What tenant rules may read of one fact class: its JavaBean getters, and the property names they
 * stand for in constraints ({@code age} for {@code getAge()}).
 */
final class FactType {

  private final String name;
  private final Map<String, String> getterByProperty = new TreeMap<>();
  private final Map<String, Class<?>> typeByProperty = new TreeMap<>();

  private FactType(Class<?> type, String name, boolean readable) {
    this.name = name;
    if (readable) {
      for (Method method : type.getMethods()) {
        String property = propertyOf(method);
        if (property != null) {
          getterByProperty.put(property, method.getName());
          typeByProperty.put(property, method.getReturnType());
        }
      }
    }
  }

  /** A module's fact class: rules read it through its getters. */
  static FactType readable(Class<?> type) {
    return new FactType(type, type.getSimpleName(), true);
  }

  /**
   * The result of an accumulate ({@code Number}, {@code Object}): rules may compare it as a value
   * but call nothing on it, since its getters are the JDK's.
   */
  static FactType opaque(Class<?> type) {
    return new FactType(type, type.getSimpleName(), false);
  }

  String name() {
    return name;
  }

  boolean hasProperty(String property) {
    return getterByProperty.containsKey(property);
  }

  boolean hasGetter(String methodName) {
    return getterByProperty.containsValue(methodName);
  }

  /** The readable properties and the types their getters return, sorted by name. */
  Map<String, Class<?>> propertyTypes() {
    return Collections.unmodifiableMap(typeByProperty);
  }

  /** The property names, for messages that say what is available. */
  String properties() {
    return getterByProperty.isEmpty() ? "none" : String.join(", ", getterByProperty.keySet());
  }

  /**
   * The property a method reads, or null when it is no getter. Methods declared by JDK classes
   * ({@code getClass()} above all) are never getters here: they lead to reflection and class
   * loaders, and facts carry no data there.
   */
  private static String propertyOf(Method method) {
    if (Modifier.isStatic(method.getModifiers())
        || method.getParameterCount() != 0
        || method.getReturnType() == void.class
        || method.isBridge()
        || method.isSynthetic()) {
      return null;
    }
    String declaringPackage = method.getDeclaringClass().getPackageName();
    if (declaringPackage.startsWith("java.") || declaringPackage.startsWith("javax.")) {
      return null;
    }
    String methodName = method.getName();
    Class<?> returns = method.getReturnType();
    if (methodName.length() > 3 && methodName.startsWith("get")) {
      return decapitalize(methodName.substring(3));
    }
    if (methodName.length() > 2
        && methodName.startsWith("is")
        && (returns == boolean.class || returns == Boolean.class)) {
      return decapitalize(methodName.substring(2));
    }
    return null;
  }

  /**
   * The JavaBeans rule ({@code getURL} stays {@code URL}), written out because {@code
   * java.beans.Introspector} would pull the java.desktop module into the server for one method.
   */
  private static String decapitalize(String name) {
    if (name.length() > 1
        && Character.isUpperCase(name.charAt(0))
        && Character.isUpperCase(name.charAt(1))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
