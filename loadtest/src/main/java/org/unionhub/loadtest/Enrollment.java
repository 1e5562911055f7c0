package org.unionhub.loadtest;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Enrollment submissions as a worker's app sends them (the README's example, with a fresh valid ID
 * number of an adult and a fresh mobile number each time), and the approval by the district's
 * staff.
 */
final class Enrollment {

  static final String TENANT = "gd-sz-ft-001";
  static final String[] WORKERS = {"worker1", "worker2", "worker3"};
  static final String STAFF = "ft-staff";

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private Enrollment() {}

  /** The worker client number {@code client} submits as. */
  static String worker(int client) {
    return WORKERS[client % WORKERS.length];
  }

  /**
   * ID numbers of one run: birth dates over 30 years times 1,000 sequence numbers make 10.95
   * million people, cut into 100 blocks; a run takes the block of its start second and numbers
   * people within it. Random ones collided: a pair's approval makes a member, and a later
   * submission under the same number is rightly refused (422 ALREADY_MEMBER).
   */
  private static final int PEOPLE_PER_BLOCK = 365 * 30 * 1000 / 100;

  private static final AtomicLong NEXT_PERSON =
      new AtomicLong((System.currentTimeMillis() / 1000 % 100) * PEOPLE_PER_BLOCK);

  /** A valid submission body. */
  static String body() {
    var random = ThreadLocalRandom.current();
    long person = NEXT_PERSON.getAndIncrement();
    LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(person / 1000 % (365 * 30));
    String idNumber = idNumber("440304", birth, (int) (person % 1000));
    String mobile = "138" + String.format("%08d", random.nextInt(100_000_000));
    return "{\"data\":{\"name\":\"张三\",\"gender\":\"male\",\"idNumber\":\""
        + idNumber
        + "\",\"mobile\":\""
        + mobile
        + "\",\"employerName\":\"深圳市福田区星河科技有限公司\",\"employerCreditCode\":\"91440300192185379H\","
        + "\"employmentType\":\"employee\",\"district\":\"gd-sz-ft\"}}";
  }

  /** A resident ID number (GB 11643): region, birth date, sequence and the ISO 7064 check. */
  static String idNumber(String region, LocalDate birth, int sequence) {
    String id17 =
        region
            + String.format(
                "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
            + String.format("%03d", sequence);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id17.charAt(i) - '0') * WEIGHTS[i];
    }
    return id17 + CHECK.charAt(sum % 11);
  }

  /** Submits as the client's worker; answers the created request (201). */
  static Api.Answer submit(Api api, int client) {
    Api.Answer a =
        api.post(
            worker(client),
            "tenants/" + TENANT + "/modules/enrollment/requests",
            body(),
            "Idempotency-Key",
            UUID.randomUUID().toString());
    return Scenario.expect("submission", a, 201);
  }
}
