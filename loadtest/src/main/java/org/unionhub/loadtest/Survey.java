package org.unionhub.loadtest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Survey answers as members' phones send them (issue 10's benchmark: "accepting answers at least as
 * fast as enrollment submissions"). A member answers a survey once — the database refuses a second
 * answer — so the harness first publishes enough surveys for every (survey, member) pair it may
 * need: {@code -Dloadtest.answers} pairs (by default 1,000 for each second of warm-up and
 * measurement, more than this machine accepts), {@link #MEMBERS} members of the Shenzhen city
 * union's subtree, surveys owned by the city union ({@code sz-admin}).
 */
final class Survey {

  static final String OWNER = "sz-admin";
  static final String ITEMS = "tenants/gd-sz/modules/survey/items";
  static final List<String> MEMBERS =
      IntStream.rangeClosed(1, 6)
          .boxed()
          .flatMap(i -> java.util.stream.Stream.of("ft-member" + i, "ns-member" + i))
          .toList();

  /** Pairs not answered yet: a survey id and a member. */
  private static final ConcurrentLinkedQueue<String[]> UNANSWERED = new ConcurrentLinkedQueue<>();

  private Survey() {}

  /** Publishes surveys until there is a pair for each of the answers the run may send. */
  static void prepare(Api api) {
    int answers =
        Integer.getInteger(
            "loadtest.answers", 1_000 * Integer.getInteger("loadtest.run-seconds", 40));
    MEMBERS.forEach(api::token);
    api.token(OWNER);
    int surveys = (answers + MEMBERS.size() - 1) / MEMBERS.size();
    List<String[]> pairs = Collections.synchronizedList(new ArrayList<>());
    IntStream.range(0, surveys)
        .parallel()
        .forEach(
            i -> {
              String id = publish(api, "压测调查 " + i);
              for (String member : MEMBERS) {
                pairs.add(new String[] {id, member});
              }
            });
    Collections.shuffle(pairs);
    UNANSWERED.clear();
    UNANSWERED.addAll(pairs);
    System.out.printf("  published %d surveys for %d answers%n", surveys, pairs.size());
  }

  private static String publish(Api api, String title) {
    Api.Answer created =
        Scenario.expect("survey creation", api.post(OWNER, ITEMS, body(title)), 201);
    String id = created.json().getString("id");
    Scenario.expect(
        "survey publication", api.post(OWNER, ITEMS + "/" + id + "/publish", "{}"), 200);
    return id;
  }

  /** One member answers one survey they have not answered (201, committed). */
  static void answer(Api api) {
    String[] pair = UNANSWERED.poll();
    if (pair == null) {
      throw new IllegalStateException(
          "every prepared (survey, member) pair is answered: raise -Dloadtest.answers");
    }
    var random = ThreadLocalRandom.current();
    String values =
        "{\"values\":{\"canteen\":\""
            + (random.nextBoolean() ? "yes" : "no")
            + "\",\"wishes\":\"noodles,soup\",\"score\":\""
            + (1 + random.nextInt(5))
            + "\",\"remarks\":\"多些蔬菜\"}}";
    Scenario.expect(
        "answer", api.post(pair[1], ITEMS + "/" + pair[0] + "/actions/answer", values), 201);
  }

  /** The survey of the survey module's API test: choice, multiple choice, rating, free text. */
  static String body(String title) {
    Instant closes = Instant.now().plus(1, ChronoUnit.DAYS);
    return """
        {"title":"%s","description":"请如实填写","anonymous":false,"resultsVisibility":"LIVE",
         "closesAt":"%s","questions":[
          {"name":"canteen","type":"CHOICE","label":"食堂满意吗",
           "choices":[{"value":"yes","label":"满意"},{"value":"no","label":"不满意"}]},
          {"name":"wishes","type":"MULTI_CHOICE","label":"希望增加","required":false,"maxChoices":2,
           "choices":[{"value":"fruit","label":"水果"},{"value":"noodles","label":"面食"},
                      {"value":"soup","label":"汤"}]},
          {"name":"score","type":"RATING","label":"评分"},
          {"name":"remarks","type":"LONG_TEXT","label":"其他意见","required":false,"maxLength":50}]}
        """
        .formatted(title, closes);
  }
}
