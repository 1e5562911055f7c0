package org.unionhub.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's mail sink, over real SMTP: a mail as Keycloak sends it lands, decoded, in the log. */
class MailSinkTest {

  @Test
  void aMultipartMailIsWrittenToTheLogAsItsPlainText(@TempDir Path dir) throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = dir.resolve("mail.log");
    var server = MailSink.start(port);
    try {
      var props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", Integer.toString(port));
      var message = new MimeMessage(Session.getInstance(props));
      message.setFrom(
          new InternetAddress("noreply@unionhub.localhost", "UnionHub 工会服务平台", "UTF-8"));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress("wang@example.org"));
      message.setSubject("重设密码 Reset password", "UTF-8");
      String link =
          "http://localhost:8180/realms/unionhub/login-actions/action-token?key=abc&client_id=unionhub";
      var text = new MimeBodyPart();
      text.setText("点击链接重设密码：\n" + link + "\n", "UTF-8");
      var html = new MimeBodyPart();
      html.setContent(
          "<a href=\"" + link.replace("&", "&amp;") + "\">重设</a>", "text/html; charset=UTF-8");
      message.setContent(new MimeMultipart("alternative", text, html));
      Transport.send(message);

      assertThat(MailSink.drain(server, log)).isEqualTo(1);
      assertThat(MailSink.drain(server, log)).as("written once").isZero();
    } finally {
      server.stop();
    }
    String written = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(written)
        .contains("mail to wang@example.org")
        .contains("Subject: 重设密码 Reset password")
        .contains(
            "http://localhost:8180/realms/unionhub/login-actions/action-token?key=abc&client_id=unionhub")
        .doesNotContain("<a href");
  }
}
