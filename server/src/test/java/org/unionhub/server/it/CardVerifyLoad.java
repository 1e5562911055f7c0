package org.unionhub.server.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load harness for {@code GET /api/v1/member-cards/verify}: many merchants, each a loopback
 * source address of its own (127.0.x.y — all of 127/8 is the loopback on Linux), so that the
 * per-address rate limit applies as it would in the field; HTTP/1.1 keep-alive on plain sockets.
 * Reports verifications per second; asserts nothing about speed (BENCHMARKS.md records it).
 */
final class CardVerifyLoad {

  /**
   * What a run measured.
   *
   * @param valid answers {@code valid: true}
   * @param limited answers 429
   * @param other any other answer
   * @param seconds the measured time
   */
  record Result(long valid, long limited, long other, double seconds) {
    double perSecond() {
      return valid / seconds;
    }
  }

  private CardVerifyLoad() {}

  /**
   * Each token verified once, in parallel: every verification pays the ECDSA check.
   *
   * @param tokens distinct tokens
   * @param threads client threads
   * @param addressesPerThread source addresses per thread
   * @return what was measured
   */
  static Result once(List<String> tokens, int threads, int addressesPerThread) throws Exception {
    return run(tokens, threads, addressesPerThread, 0, 3600, true);
  }

  /**
   * Tokens verified over and over for a while.
   *
   * @param tokens tokens, verified in turn
   * @param threads client threads
   * @param addressesPerThread source addresses per thread
   * @param warmup seconds not counted
   * @param seconds seconds counted
   * @return what was measured
   */
  static Result repeated(
      List<String> tokens, int threads, int addressesPerThread, double warmup, double seconds)
      throws Exception {
    return run(tokens, threads, addressesPerThread, warmup, seconds, false);
  }

  private static Result run(
      List<String> tokens,
      int threads,
      int addressesPerThread,
      double warmup,
      double seconds,
      boolean once)
      throws Exception {
    var next = new java.util.concurrent.atomic.AtomicInteger();
    var valid = new AtomicLong();
    var limited = new AtomicLong();
    var other = new AtomicLong();
    // Without a warm-up every answer counts, from the first one: the flag is set before any
    // worker starts (set after them, it missed the first answers of a run of 3,000 tokens).
    var measuring = new java.util.concurrent.atomic.AtomicBoolean(warmup <= 0);
    long begun = System.nanoTime();
    long end = begun + (long) ((warmup + seconds) * 1e9);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread w =
          new Thread(
              () -> {
                var conns = new ArrayList<Conn>();
                try {
                  for (int a = 0; a < addressesPerThread; a++) {
                    conns.add(new Conn("127.0." + (10 + thread) + "." + (1 + a)));
                  }
                  int i = thread;
                  while (System.nanoTime() < end) {
                    Conn c = conns.get(i % conns.size());
                    int n = once ? next.getAndIncrement() : i;
                    if (once && n >= tokens.size()) {
                      break;
                    }
                    String token = tokens.get(n % tokens.size());
                    int status = c.verify(token);
                    boolean ok = status == 200 && c.lastBody.contains("\"valid\":true");
                    if (measuring.get()) {
                      (ok ? valid : status == 429 ? limited : other).incrementAndGet();
                    }
                    i++;
                  }
                } catch (IOException e) {
                  other.incrementAndGet();
                } finally {
                  conns.forEach(Conn::close);
                }
              });
      w.start();
      workers.add(w);
    }
    if (warmup > 0) {
      Thread.sleep((long) (warmup * 1000));
    }
    measuring.set(true);
    long start = warmup > 0 ? System.nanoTime() : begun;
    for (Thread w : workers) {
      w.join();
    }
    return new Result(valid.get(), limited.get(), other.get(), (System.nanoTime() - start) / 1e9);
  }

  /** One keep-alive connection from one source address. */
  private static final class Conn {
    private final String from;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    String lastBody = "";

    Conn(String from) throws IOException {
      this.from = from;
      open();
    }

    private void open() throws IOException {
      socket = new Socket();
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", 9080), 5000);
      socket.setSoTimeout(30_000);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }

    int verify(String token) throws IOException {
      byte[] request =
          ("GET /api/v1/member-cards/verify?token="
                  + URLEncoder.encode(token, StandardCharsets.UTF_8)
                  + " HTTP/1.1\r\nHost: localhost:9080\r\nAccept: application/json\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      try {
        out.write(request);
        out.flush();
        return read();
      } catch (IOException e) {
        close();
        open();
        out.write(request);
        out.flush();
        return read();
      }
    }

    private int read() throws IOException {
      String status = line();
      int code = Integer.parseInt(status.split(" ")[1]);
      int length = -1;
      boolean chunked = false;
      for (String h = line(); !h.isEmpty(); h = line()) {
        String lower = h.toLowerCase();
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(h.substring(15).strip());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      var body = new StringBuilder();
      if (chunked) {
        for (int size = Integer.parseInt(line().strip(), 16);
            size > 0;
            size = Integer.parseInt(line().strip(), 16)) {
          body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
          line();
        }
        line();
      } else if (length >= 0) {
        body.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
      }
      lastBody = body.toString();
      return code;
    }

    private String line() throws IOException {
      var b = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          b.append((char) c);
        }
      }
      return b.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
