package org.unionhub.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionhub.platform.calendar.CalendarRepository;
import org.unionhub.platform.calendar.LocalHoliday;
import org.unionhub.platform.calendar.NationalEntry;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.calendar.WorkingCalendar.DayKind;
import org.unionhub.platform.calendar.YearSummary;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * The calendar tables: {@code national_calendar_year}, {@code national_calendar_day}, {@code
 * tenant_holiday} and the single-row {@code calendar_revision}. Reads return values, never managed
 * entities, so that a replacement can delete and re-insert a year within one transaction. Each
 * access to {@code tenant_holiday} sets the row-level scope to exactly the tenants it concerns.
 */
@ApplicationScoped
@Transactional
public class JpaCalendarRepository implements CalendarRepository {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject TenantScope scope;

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public WorkingCalendar.Schedule load() {
    scope.limitTo(Set.of(TenantScope.ALL), null);
    long revision = revision();
    var national = new HashMap<LocalDate, DayKind>();
    for (Object[] row :
        em.createQuery("select d.calendarDate, d.kind from NationalCalendarDay d", Object[].class)
            .getResultList()) {
      national.put((LocalDate) row[0], (DayKind) row[1]);
    }
    var years =
        new HashSet<>(
            em.createQuery("select y.calendarYear from NationalCalendarYear y", Integer.class)
                .getResultList());
    var local = new HashMap<String, Set<LocalDate>>();
    for (Object[] row :
        em.createQuery("select h.tenantId, h.calendarDate from TenantHoliday h", Object[].class)
            .getResultList()) {
      local.computeIfAbsent((String) row[0], k -> new HashSet<>()).add((LocalDate) row[1]);
    }
    return new WorkingCalendar.Schedule(revision, national, years, local);
  }

  @Override
  public long revision() {
    return ((Number)
            em.createNativeQuery("select revision from calendar_revision where id = 1")
                .getSingleResult())
        .longValue();
  }

  @Override
  @Transactional(TxType.MANDATORY)
  public void beginChange() {
    int updated =
        em.createNativeQuery("update calendar_revision set revision = revision + 1 where id = 1")
            .executeUpdate();
    if (updated != 1) {
      throw new IllegalStateException("calendar_revision has no row 1: is the schema migrated?");
    }
  }

  @Override
  public List<YearSummary> years() {
    Map<Integer, int[]> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select d.calendarYear, d.kind, count(d) from NationalCalendarDay d"
                    + " group by d.calendarYear, d.kind",
                Object[].class)
            .getResultList()) {
      int[] c = counts.computeIfAbsent((Integer) row[0], k -> new int[2]);
      c[row[1] == DayKind.HOLIDAY ? 0 : 1] = ((Number) row[2]).intValue();
    }
    return em
        .createQuery(
            "select y from NationalCalendarYear y order by y.calendarYear",
            NationalCalendarYear.class)
        .getResultList()
        .stream()
        .map(y -> summary(y, counts.getOrDefault(y.getYear(), new int[2])))
        .toList();
  }

  @Override
  public Optional<YearSummary> year(int year) {
    NationalCalendarYear y = em.find(NationalCalendarYear.class, year);
    if (y == null) {
      return Optional.empty();
    }
    int[] counts = new int[2];
    entries(year).forEach(e -> counts[e.kind() == DayKind.HOLIDAY ? 0 : 1]++);
    return Optional.of(summary(y, counts));
  }

  @Override
  public List<NationalEntry> entries(int year) {
    return em
        .createQuery(
            "select d.calendarDate, d.kind, d.name from NationalCalendarDay d"
                + " where d.calendarYear = :year order by d.calendarDate",
            Object[].class)
        .setParameter("year", year)
        .getResultList()
        .stream()
        .map(r -> new NationalEntry((LocalDate) r[0], (DayKind) r[1], (String) r[2]))
        .toList();
  }

  @Override
  public YearSummary replaceYear(int year, List<NationalEntry> entries, String actor, Instant at) {
    // National rows carry no tenant; the platform-wide scope lets the audit record of this
    // platform-wide change through whatever policy guards the audit table.
    scope.limitTo(Set.of(TenantScope.ALL), actor);
    em.createQuery("delete from NationalCalendarDay d where d.calendarYear = :year")
        .setParameter("year", year)
        .executeUpdate();
    NationalCalendarYear y = em.find(NationalCalendarYear.class, year);
    if (y == null) {
      y = new NationalCalendarYear(year);
      y.replacedBy(actor, at);
      em.persist(y);
    } else {
      y.replacedBy(actor, at);
    }
    int[] counts = new int[2];
    for (NationalEntry e : entries) {
      em.persist(new NationalCalendarDay(e.date(), e.kind(), e.name()));
      counts[e.kind() == DayKind.HOLIDAY ? 0 : 1]++;
    }
    em.flush();
    return summary(y, counts);
  }

  @Override
  public List<LocalHoliday> holidays(Collection<String> tenantCodes) {
    if (tenantCodes.isEmpty()) {
      return List.of();
    }
    scope.limitTo(tenantCodes, null);
    var result = new ArrayList<LocalHoliday>();
    for (Object[] row :
        em.createQuery(
                "select h.tenantId, h.calendarDate, h.name from TenantHoliday h"
                    + " where h.tenantId in :tenants order by h.calendarDate",
                Object[].class)
            .setParameter("tenants", tenantCodes)
            .getResultList()) {
      result.add(new LocalHoliday((String) row[0], (LocalDate) row[1], (String) row[2]));
    }
    return result;
  }

  @Override
  public void addHoliday(LocalHoliday holiday, String actor, Instant at) {
    scope.limitTo(Set.of(holiday.tenantCode()), null);
    em.persist(new TenantHoliday(holiday.tenantCode(), holiday.date(), holiday.name(), actor, at));
    em.flush();
  }

  @Override
  public boolean removeHoliday(String tenantCode, LocalDate date) {
    scope.limitTo(Set.of(tenantCode), null);
    return em.createQuery(
                "delete from TenantHoliday h where h.tenantId = :tenant and h.calendarDate = :date")
            .setParameter("tenant", tenantCode)
            .setParameter("date", date)
            .executeUpdate()
        > 0;
  }

  private static YearSummary summary(NationalCalendarYear y, int[] counts) {
    return new YearSummary(
        y.getYear(), counts[0], counts[1], y.getVersion(), y.getUpdatedBy(), y.getUpdatedAt());
  }
}
