package org.unionhub.loadtest.scale;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.unionhub.platform.personal.BlindIndex;
import org.unionhub.platform.personal.FieldCipher;
import org.unionhub.platform.personal.KeyRing;

/**
 * Writes the people of the data-at-scale run as tab-separated rows for PostgreSQL's {@code COPY}: a
 * number, a name, a valid resident ID number sealed as the application seals it, its blind index
 * and last four characters, and a sealed mobile number. Sealing and hashing use UnionHub's own
 * classes ({@link FieldCipher}, {@link BlindIndex}) with the key file of the server that will read
 * the data, so every value is what the application itself would have written (docs/adr/0022).
 *
 * <pre>java PersonData KEY_FILE FIRST COUNT &gt; persons.tsv</pre>
 */
public final class PersonData {

  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣悦佳琳雪婷晨阳博文辉";
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();
  private static final String[] REGIONS = {
    "440304", "440305", "440106", "330106", "330102", "110105", "310115", "510107"
  };
  private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1966, 1, 1);
  private static final int BIRTHDAYS = 14_600; // about 40 years: everyone is over 18 in 2026
  private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

  private PersonData() {}

  /**
   * @param n a person's number, from 1
   * @return a valid 18-character resident ID number, different for every n below 8 × 14,600 × 999
   */
  static String idNumber(long n) {
    long k = n - 1;
    String region = REGIONS[(int) (k % REGIONS.length)];
    k /= REGIONS.length;
    LocalDate birthday = FIRST_BIRTHDAY.plusDays(k % BIRTHDAYS);
    long seq = k / BIRTHDAYS + 1;
    String body = region + birthday.format(YMD) + String.format("%03d", seq);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return body + CHECK[sum % 11];
  }

  static String name(long n) {
    int s = (int) (n % SURNAMES.length());
    int g1 = (int) ((n / SURNAMES.length()) % GIVEN.length());
    int g2 = (int) ((n / 7) % GIVEN.length());
    return "" + SURNAMES.charAt(s) + GIVEN.charAt(g1) + (n % 3 == 0 ? "" : "" + GIVEN.charAt(g2));
  }

  static String mobile(long n) {
    return String.format("139%08d", n % 100_000_000L);
  }

  public static void main(String[] args) throws Exception {
    KeyRing ring = KeyRing.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    long first = Long.parseLong(args[1]);
    long count = Long.parseLong(args[2]);
    var out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    var line = new StringBuilder(512);
    for (long n = first; n < first + count; n++) {
      String id = idNumber(n);
      line.setLength(0);
      line.append(n)
          .append('\t')
          .append(name(n))
          .append('\t')
          .append(FieldCipher.seal(ring, "idNumber", id))
          .append('\t')
          .append(BlindIndex.ofIdNumber(ring, id))
          .append('\t')
          .append(id, 14, 18)
          .append('\t')
          .append(FieldCipher.seal(ring, "mobile", mobile(n)))
          .append('\n');
      out.append(line);
    }
    out.flush();
  }
}
