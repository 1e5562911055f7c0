package org.unionhub.tenant.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.audit.AuditTrail;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.people.PeopleAdministration;
import org.unionhub.platform.people.PeopleRefusedException;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.tenant.TenantActivityChanged;
import org.unionhub.tenant.admin.TenantTree;

/**
 * The use cases of people administration. Each runs in one transaction that checks {@link
 * PersonRules}, writes the account, its audit record and its outbox row together, limited to the
 * caller's reach on both tenant walls. Keycloak is called afterwards by the sync, never here, so an
 * admin's change succeeds while Keycloak is down and lands when it is back.
 */
@ApplicationScoped
public class PeopleService implements PeopleAdministration {

  private static final Logger LOG = Logger.getLogger(PeopleService.class.getName());

  /** The audit subject of account changes. */
  public static final String SUBJECT = "user";

  /** The most rows of one bulk creation. */
  public static final int MAX_ROWS = 2000;

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject TenantDirectory directory;
  @Inject TenantScope scope;
  @Inject PersonSyncService sync;
  @Inject UserDirectory users;
  @Inject AccountAdoption adoption;

  @Override
  @Transactional
  public List<PersonView> list(Caller caller, String tenant) {
    requireAdmin(caller);
    TenantTree tree = TenantTree.of(directory.all());
    Set<String> reach = PersonRules.reach(caller, tree);
    if (tenant == null || !reach.contains(tenant)) {
      throw new NotVisibleException("tenant");
    }
    adoption.adoptNewOfficers();
    Set<String> subtree = tree.subtree(tenant);
    scope.limitTo(subtree, null);
    List<Person> people =
        em.createQuery(
                "select p from Person p where p.tenantId in :tenants"
                    + " order by p.tenantId, p.username",
                Person.class)
            .setParameter("tenants", subtree)
            .getResultList();
    Map<UUID, PersonSync> rows = syncRows(people.stream().map(Person::getId).toList());
    return people.stream().map(p -> view(p, rows.get(p.getId()))).toList();
  }

  @Override
  @Transactional
  public PersonView get(Caller caller, String id) {
    requireAdmin(caller);
    Person person = find(caller, id);
    return view(person, em.find(PersonSync.class, person.getId()));
  }

  @Override
  @Transactional
  public PersonView create(Caller caller, String tenant, NewPerson person) {
    return createAll(caller, List.of(new Row(tenant, person)), false).get(0);
  }

  @Override
  @Transactional
  public List<PersonView> createAll(Caller caller, List<Row> rows) {
    return createAll(caller, rows, true);
  }

  private List<PersonView> createAll(Caller caller, List<Row> rows, boolean bulk) {
    requireAdmin(caller);
    TenantTree tree = TenantTree.of(directory.all());
    Set<String> reach = PersonRules.reach(caller, tree);
    var problems = new ArrayList<FieldError>();
    if (bulk && rows.isEmpty()) {
      problems.add(new FieldError("rows", "REQUIRED", ProblemText.of("people.no-rows")));
    }
    if (rows.size() > MAX_ROWS) {
      throw new PeopleRefusedException(
          List.of(
              new FieldError("rows", "TOO_MANY", ProblemText.of("people.at-most-rows", MAX_ROWS))));
    }
    var usernames = new HashMap<String, Integer>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String prefix = bulk ? "rows[" + (i + 1) + "]." : "";
      String tenant = PersonRules.blank(row.tenant());
      if (tenant == null || !reach.contains(tenant)) {
        if (!bulk) {
          throw new NotVisibleException("tenant");
        }
        problems.add(
            new FieldError(
                prefix + "tenant",
                "UNKNOWN_TENANT",
                ProblemText.of("people.unknown-tenant-or-not-yours")));
      } else if (!tree.find(tenant).map(TenantView::active).orElse(false)) {
        problems.add(
            new FieldError(
                prefix + "tenant",
                "TENANT_INACTIVE",
                ProblemText.of("people.the-tenant-is-deactivated")));
      }
      problems.addAll(PersonRules.checkNew(caller, row.person(), prefix));
      String username = PersonRules.blank(row.person().username());
      if (username != null && PersonRules.USERNAME.matcher(username).matches()) {
        Integer first = usernames.putIfAbsent(username, i + 1);
        if (first != null) {
          problems.add(
              new FieldError(
                  prefix + "username",
                  "DUPLICATE_USERNAME",
                  ProblemText.of("people.same-username-as-row", first)));
        }
      }
    }
    scope.limitTo(Set.of(TenantScope.ALL), null);
    Set<String> taken = taken(usernames.keySet());
    usernames.forEach(
        (username, row) -> {
          if (taken.contains(username)) {
            problems.add(
                new FieldError(
                    (bulk ? "rows[" + row + "]." : "") + "username",
                    "USERNAME_TAKEN",
                    ProblemText.of("people.username-is-already-taken")));
          }
        });
    if (!problems.isEmpty()) {
      throw new PeopleRefusedException(problems);
    }
    scope.limitTo(reach, null);
    Instant now = clock.instant();
    var created = new ArrayList<PersonView>();
    for (Row row : rows) {
      NewPerson p = row.person();
      var person =
          new Person(
              row.tenant().strip(),
              p.username().strip(),
              p.name().strip(),
              PersonRules.blank(p.mobile()),
              PersonRules.blank(p.email()),
              p.roles(),
              caller.username(),
              now);
      em.persist(person);
      audit.record(caller.username(), person.getTenantId(), SUBJECT, "create", null, json(person));
      created.add(view(person, sync.enqueue(person.getId())));
    }
    return created;
  }

  @Override
  @Transactional
  public PersonView change(Caller caller, String id, PersonChange change) {
    requireAdmin(caller);
    TenantTree tree = TenantTree.of(directory.all());
    Set<String> reach = PersonRules.reach(caller, tree);
    Person person = find(caller, id);
    String newTenant = PersonRules.blank(change.tenant());
    if (newTenant != null && !reach.contains(newTenant)) {
      throw new NotVisibleException("tenant");
    }
    var problems = new ArrayList<>(PersonRules.checkChange(caller, person, change));
    boolean moves = newTenant != null && !newTenant.equals(person.getTenantId());
    if (moves && !tree.find(newTenant).map(TenantView::active).orElse(false)) {
      problems.add(
          new FieldError(
              "tenant", "TENANT_INACTIVE", ProblemText.of("people.the-tenant-is-deactivated")));
    }
    if (!problems.isEmpty()) {
      throw new PeopleRefusedException(problems);
    }
    String before = json(person);
    var actions = new ArrayList<String>();
    if (change.roles() != null && !change.roles().equals(person.getRoles())) {
      person.setRoles(change.roles());
      actions.add("roles");
    }
    if (moves) {
      person.moveTo(newTenant);
      actions.add("move");
    }
    if (change.enabled() != null && change.enabled() != person.isEnabled()) {
      person.setEnabled(change.enabled());
      actions.add(change.enabled() ? "enable" : "disable");
    }
    if (change.newSetupLink()) {
      person.requestSetupLink();
      actions.add("setup-link");
    }
    if (actions.isEmpty()) {
      return view(person, em.find(PersonSync.class, person.getId()));
    }
    audit.record(
        caller.username(),
        person.getTenantId(),
        SUBJECT,
        String.join(",", actions),
        before,
        json(person));
    return view(person, sync.enqueue(person.getId()));
  }

  /**
   * A union was deactivated or reactivated: its people's access follows, in the caller's
   * transaction (the tenant change's own).
   *
   * @param event which union
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void tenantChanged(@Observes TenantActivityChanged event) {
    String tenant = event.code();
    scope.limitTo(Set.of(tenant), null);
    sync.enqueueAllOf(tenant);
  }

  private Person find(Caller caller, String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id == null ? "" : id);
    } catch (IllegalArgumentException e) {
      throw new NotVisibleException("user");
    }
    Set<String> reach = PersonRules.reach(caller, TenantTree.of(directory.all()));
    scope.limitTo(reach, null);
    Person person = em.find(Person.class, uuid);
    if (person == null || !reach.contains(person.getTenantId())) {
      throw new NotVisibleException("user");
    }
    return person;
  }

  /** Usernames taken by an account of any union, or by a Keycloak user UnionHub does not manage. */
  private Set<String> taken(Collection<String> usernames) {
    if (usernames.isEmpty()) {
      return Set.of();
    }
    var taken =
        new HashSet<>(
            em.createQuery("select p.username from Person p where p.username in :u", String.class)
                .setParameter("u", usernames)
                .getResultList());
    try {
      for (String username : usernames) {
        if (!taken.contains(username) && users.findByUsername(username).isPresent()) {
          taken.add(username);
        }
      }
    } catch (RuntimeException e) {
      // Keycloak is down: the sync reports a clash with an account made in Keycloak meanwhile.
      LOG.log(Level.FINE, "Keycloak not asked whether usernames are taken", e);
    }
    return taken;
  }

  private Map<UUID, PersonSync> syncRows(List<UUID> ids) {
    var rows = new HashMap<UUID, PersonSync>();
    for (int from = 0; from < ids.size(); from += 500) {
      em.createQuery("select s from PersonSync s where s.personId in :ids", PersonSync.class)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
          .getResultList()
          .forEach(s -> rows.put(s.getPersonId(), s));
    }
    return rows;
  }

  private PersonView view(Person p, PersonSync row) {
    boolean pending = row != null && row.isPending();
    boolean linkValid =
        p.getSetupLink() != null
            && p.getSetupLinkExpires() != null
            && p.getSetupLinkExpires().isAfter(clock.instant());
    return new PersonView(
        p.getId().toString(),
        p.getUsername(),
        p.getName(),
        p.getMobile(),
        p.getEmail(),
        p.getTenantId(),
        new LinkedHashSet<>(p.getRoles()),
        p.isEnabled(),
        pending ? "pending" : "synced",
        pending ? row.getLastError() : null,
        linkValid ? p.getSetupLink() : null,
        linkValid ? p.getSetupLinkExpires() : null,
        p.getVersion());
  }

  private static void requireAdmin(Caller caller) {
    if (!PersonRules.isAdmin(caller)) {
      throw new NotAllowedException(
          ProblemText.of("people.only-tenant-and-platform-admins-manage"));
    }
  }

  /** The audit record's view: no mobile number or e-mail address in the log, only whether set. */
  static String json(Person p) {
    JsonArrayBuilder roles = Json.createArrayBuilder();
    p.getRoles().forEach(roles::add);
    return Json.createObjectBuilder()
        .add("id", p.getId().toString())
        .add("username", p.getUsername())
        .add("name", p.getName())
        .add("tenant", p.getTenantId())
        .add("roles", roles)
        .add("enabled", p.isEnabled())
        .add("mobile", p.getMobile() != null)
        .add("email", p.getEmail() != null)
        .build()
        .toString();
  }
}
