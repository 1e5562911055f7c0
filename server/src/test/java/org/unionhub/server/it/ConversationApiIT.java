package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conversation on a request (the enrollment module declares one): the applicant and the union's
 * staff write in turn, each message numbered in order with its author, role and time; other unions'
 * staff and other workers see nothing (404); bad input is refused field by field in the reader's
 * language and stores nothing; a decided application takes no more messages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConversationApiIT {

  private static final String SUBMIT = "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  private static String submit(String name, int sequence) {
    var answer =
        Api.post(
            SUBMIT, "worker1", Api.enrollment(name, Api.idNumber(TODAY.minusYears(33), sequence)));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    return answer.json().getString("id");
  }

  private static JsonObject body(String text) {
    return Json.createObjectBuilder().add("body", text).build();
  }

  private static JsonArray messages(String id, String user) {
    var answer = Api.get("/api/v1/requests/" + id + "/messages", user);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    return (JsonArray) answer.body();
  }

  @Test
  void theApplicantAndStaffExchangeMessagesInOrderWithAuthorAndTime() {
    String id = submit("郑敏", 611);
    String path = "/api/v1/requests/" + id + "/messages";
    assertThat(messages(id, "worker1")).isEmpty();

    var asked = Api.post(path, "worker1", body("请问还需要补充什么材料？"));
    assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
    assertThat(asked.json().getInt("seq")).isEqualTo(1);
    var answered = Api.post(path, "ft-staff", body("  请补充劳动合同复印件。 "));
    assertThat(answered.status()).as(answered.raw()).isEqualTo(201);
    assertThat(answered.json().getInt("seq")).isEqualTo(2);
    assertThat(Api.post(path, "worker1", body("好的，明天上传。")).status()).isEqualTo(201);

    for (String reader : new String[] {"worker1", "ft-staff", "sz-admin"}) {
      JsonArray list = messages(id, reader);
      assertThat(list).as(reader).hasSize(3);
      assertThat(list.getValuesAs(JsonObject.class))
          .extracting(m -> m.getInt("seq"), m -> m.getString("author"), m -> m.getString("body"))
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, "worker1", "请问还需要补充什么材料？"),
              org.assertj.core.groups.Tuple.tuple(2, "ft-staff", "请补充劳动合同复印件。"),
              org.assertj.core.groups.Tuple.tuple(3, "worker1", "好的，明天上传。"));
      assertThat(list.getJsonObject(1).getString("role")).isEqualTo("staff");
      Instant first = Instant.parse(list.getJsonObject(0).getString("at"));
      Instant last = Instant.parse(list.getJsonObject(2).getString("at"));
      assertThat(first).isBeforeOrEqualTo(last).isAfter(Instant.now().minusSeconds(600));
    }
  }

  @Test
  void anotherUnionsStaffAndAnotherWorkerSeeNothing() {
    String id = submit("钱伟", 612);
    String path = "/api/v1/requests/" + id + "/messages";
    assertThat(Api.post(path, "worker1", body("你好")).status()).isEqualTo(201);

    for (String stranger : new String[] {"ns-staff", "hz-staff", "worker2"}) {
      var read = Api.get(path, stranger);
      assertThat(read.status()).as(stranger + " " + read.raw()).isEqualTo(404);
      assertThat(read.json().getJsonArray("errors").getJsonObject(0).getString("code"))
          .isEqualTo("NOT_FOUND");
      assertThat(Api.post(path, stranger, body("让我看看")).status()).as(stranger).isEqualTo(404);
    }
    assertThat(
            Api.get("/api/v1/requests/00000000-0000-0000-0000-000000000000/messages", "worker1")
                .status())
        .isEqualTo(404);
    assertThat(messages(id, "worker1")).hasSize(1);
  }

  @Test
  void badInputIsRefusedFieldByFieldInTheReadersLanguageAndNothingIsStored() {
    String id = submit("孙丽", 613);
    String path = "/api/v1/requests/" + id + "/messages";

    var empty = Api.post(path, "worker1", Json.createObjectBuilder().build());
    assertThat(empty.status()).as(empty.raw()).isEqualTo(422);
    JsonObject error = empty.json().getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("field")).isEqualTo("body");
    assertThat(error.getString("code")).isEqualTo("REQUIRED");
    assertThat(error.getString("message")).isEqualTo("请填写内容");

    var blankInEnglish =
        Api.post(path, "worker1", body("   "), "Accept-Language", "en-US,en;q=0.9");
    assertThat(blankInEnglish.status()).isEqualTo(422);
    assertThat(blankInEnglish.json().getJsonArray("errors").getJsonObject(0).getString("message"))
        .isEqualTo("the message is empty");

    var tooLong = Api.post(path, "ft-staff", body("长".repeat(2001)));
    assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(422);
    assertThat(tooLong.json().getJsonArray("errors").getJsonObject(0).getString("code"))
        .isEqualTo("TOO_LONG");
    assertThat(tooLong.json().getJsonArray("errors").getJsonObject(0).getString("message"))
        .contains("2000");

    var notText = Api.post(path, "worker1", Json.createObjectBuilder().add("body", 42).build());
    assertThat(notText.status()).as(notText.raw()).isEqualTo(422);
    assertThat(Api.postRaw(path, "worker1", "{\"body\": ").status()).isEqualTo(400);
    assertThat(Api.postRaw(path, "worker1", "[\"body\"]").status()).isEqualTo(400);

    assertThat(messages(id, "worker1")).isEmpty();
  }

  @Test
  void aDecidedApplicationTakesNoMoreMessagesButKeepsItsConversation() {
    String id = submit("周强", 614);
    String path = "/api/v1/requests/" + id + "/messages";
    assertThat(Api.post(path, "ft-staff", body("材料不全，无法受理。")).status()).isEqualTo(201);
    String etag = Api.get("/api/v1/requests/" + id, "ft-staff").etag();
    var reject = Json.createObjectBuilder().add("action", "reject").add("comment", "材料不全").build();
    var rejected =
        Api.post("/api/v1/requests/" + id + "/transitions", "ft-staff", reject, "If-Match", etag);
    assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);

    var late = Api.post(path, "worker1", body("我再补充一下"));
    assertThat(late.status()).as(late.raw()).isEqualTo(403);
    assertThat(late.json().getJsonArray("errors").getJsonObject(0).getString("code"))
        .isEqualTo("FORBIDDEN");
    assertThat(messages(id, "worker1")).hasSize(1);
  }
}
