package org.unionhub.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The demo's mail sink: a real SMTP server (GreenMail) on 127.0.0.1 that accepts every mail
 * Keycloak sends (e-mail verification, password reset) and writes it, decoded, to a log file
 * instead of delivering it, as the demo text-message channel writes its codes to Keycloak's log.
 * Never for production: nothing is delivered and anyone on the machine can send through it.
 *
 * <p>{@code java -cp ... org.unionhub.launcher.MailSink <port> <log file>}; runs until killed.
 */
public final class MailSink {

  private MailSink() {}

  /**
   * @param args the port and the log file
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: MailSink <port> <log file>");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path log = Path.of(args[1]);
    GreenMail server = start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    System.out.println("UnionHub demo mail sink: SMTP on 127.0.0.1:" + port + ", mail in " + log);
    while (true) {
      drain(server, log);
      Thread.sleep(500);
    }
  }

  /**
   * @param port the SMTP port, on 127.0.0.1
   * @return the running server
   */
  static GreenMail start(int port) {
    var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  /**
   * Writes the mail received so far to the log and forgets it.
   *
   * @param server the sink
   * @param log the log file
   * @return how many mails were written
   * @throws IOException when the log cannot be written
   * @throws com.icegreen.greenmail.store.FolderException when the received mail cannot be purged
   */
  static int drain(GreenMail server, Path log)
      throws IOException, com.icegreen.greenmail.store.FolderException {
    MimeMessage[] received = server.getReceivedMessages();
    if (received.length > 0) {
      server.purgeEmailFromAllMailboxes();
      for (MimeMessage m : received) {
        write(log, m);
      }
    }
    return received.length;
  }

  private static void write(Path log, MimeMessage m) throws IOException {
    var text = new StringBuilder();
    try {
      text.append("=== ")
          .append(Instant.now())
          .append(" mail to ")
          .append(addresses(m.getAllRecipients()))
          .append(" from ")
          .append(addresses(m.getFrom()))
          .append('\n')
          .append("Subject: ")
          .append(m.getSubject())
          .append("\n\n")
          .append(body(m.getContent()))
          .append("\n\n");
    } catch (MessagingException e) {
      text.append("=== ").append(Instant.now()).append(" unreadable mail: ").append(e).append('\n');
    }
    try (var out =
        new PrintWriter(
            Files.newBufferedWriter(
                log,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND))) {
      out.print(text);
    }
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? "-"
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  /** The plain-text part when there is one, else every part. */
  private static String body(Object content) throws MessagingException, IOException {
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        if (multipart.getBodyPart(i).isMimeType("text/plain")) {
          return String.valueOf(multipart.getBodyPart(i).getContent());
        }
      }
      var all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(body(multipart.getBodyPart(i).getContent())).append('\n');
      }
      return all.toString();
    }
    return String.valueOf(content);
  }
}
