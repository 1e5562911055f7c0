package org.unionhub.server.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GreenMail's SMTP server, started for the test run: where Keycloak's mail really arrives. */
final class Mailbox {

  private final GreenMail server;

  private Mailbox(GreenMail server) {
    this.server = server;
  }

  static Mailbox start(int port) {
    var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return new Mailbox(server);
  }

  void stop() {
    server.stop();
  }

  /**
   * Waits for the newest mail to an address whose text has a link matching {@code link}.
   *
   * @param to the recipient
   * @param link a pattern with one group: the link
   * @return the link, HTML entities decoded
   */
  String link(String to, Pattern link) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      MimeMessage[] received = server.getReceivedMessages();
      for (int i = received.length - 1; i >= 0; i--) {
        try {
          if (Arrays.stream(received[i].getRecipients(Message.RecipientType.TO))
              .anyMatch(a -> a.toString().contains(to))) {
            Matcher m = link.matcher(text(received[i].getContent()));
            if (m.find()) {
              return m.group(1).replace("&amp;", "&");
            }
          }
        } catch (MessagingException | java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no mail to " + to + " with a link " + link);
  }

  /** The decoded text of a message's content, all parts together. */
  private static String text(Object content) throws MessagingException, java.io.IOException {
    if (content instanceof jakarta.mail.Multipart multipart) {
      var all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
      }
      return all.toString();
    }
    return String.valueOf(content);
  }

  /**
   * @param to a recipient
   * @return how many mails were received for it
   */
  long count(String to) {
    return Arrays.stream(server.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().contains(to));
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .count();
  }
}
