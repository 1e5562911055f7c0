package org.unionhub.ui;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Reads the components of Java records in page expressions ({@code #{tile.name}}), which Jakarta
 * Expression Language 5 (Jakarta EE 10, as WildFly runs it) does not: its bean resolver looks for
 * {@code getName()}. Registered in faces-config.xml; records are read-only.
 */
public class RecordElResolver extends ELResolver {

  private static RecordComponent component(Object base, Object property) {
    if (base == null || property == null || !base.getClass().isRecord()) {
      return null;
    }
    String name = property.toString();
    return Arrays.stream(base.getClass().getRecordComponents())
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    RecordComponent component = component(base, property);
    if (component == null) {
      return null;
    }
    context.setPropertyResolved(base, property);
    try {
      var accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(base);
    } catch (IllegalAccessException e) {
      throw new ELException(e);
    } catch (InvocationTargetException e) {
      throw new ELException(e.getCause());
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (component(base, property) == null) {
      return null;
    }
    context.setPropertyResolved(base, property);
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (component(base, property) != null) {
      throw new PropertyNotWritableException(property + " of a record cannot be changed");
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (component(base, property) == null) {
      return false;
    }
    context.setPropertyResolved(base, property);
    return true;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base != null && base.getClass().isRecord() ? Object.class : null;
  }
}
