package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import com.squareup.moshi.Moshi;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Spring Boot section: its JDBC deduplicator is the tested one, its properties are the real ones. */
class ReadmeSpringBootTest {
  private static final Path BASE = Paths.get(System.getProperty("payscore.basedir", ".."));

  static String section() throws IOException {
    String readme = new String(Files.readAllBytes(BASE.resolve("README.md")), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Spring Boot\n");
    assertThat(start).as("README.md has a Spring Boot section").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The property names in the generated metadata, the file an IDE reads. */
  static Set<String> metadataProperties() throws IOException {
    try (InputStream in = ReadmeSpringBootTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("spring-configuration-metadata.json is generated").isNotNull();
      Set<String> names = new TreeSet<>();
      Map<?, ?> metadata = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class)
          .fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      for (Object property : (List<?>) metadata.get("properties")) {
        names.add((String) ((Map<?, ?>) property).get("name"));
      }
      return names;
    }
  }

  @Test
  void theJdbcDeduplicatorIsTheTestedOne() throws IOException {
    String source = new String(Files.readAllBytes(BASE.resolve(
        "payscore-spring-boot-starter/src/test/java/dev/payscore/spring/boot/JdbcNotificationDeduplicator.java")),
        StandardCharsets.UTF_8);
    Matcher code = Pattern.compile("// README jdbc deduplicator begin\\n(.*?)\\n// README jdbc deduplicator end",
        Pattern.DOTALL).matcher(source);
    Matcher block = Pattern.compile("<!-- spring jdbc deduplicator -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL)
        .matcher(section());

    assertThat(code.find()).isTrue();
    assertThat(block.find()).as("README.md has a <!-- spring jdbc deduplicator --> java block").isTrue();
    assertThat(block.group(1)).isEqualTo(code.group(1));
  }

  @Test
  void everyPropertyIsDocumentedAndEveryDocumentedPropertyExists() throws IOException {
    Set<String> real = metadataProperties();
    Set<String> named = new TreeSet<>();
    Matcher property = Pattern.compile("payscore\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*").matcher(section());
    while (property.find()) {
      named.add(property.group());
    }
    named.removeAll(Set.of(MicrometerPayScoreMetrics.REQUESTS, MicrometerPayScoreMetrics.NOTIFICATIONS));
    Matcher yaml = Pattern.compile("```yaml\\npayscore:\\n(.*?)```", Pattern.DOTALL).matcher(section());
    assertThat(yaml.find()).isTrue();
    Matcher key = Pattern.compile("(?m)^  ([a-z0-9-]+):").matcher(yaml.group(1));
    while (key.find()) {
      named.add("payscore." + key.group(1));
    }

    assertThat(real).hasSizeGreaterThan(25);
    assertThat(named).containsAll(real);
    for (String name : named) {
      assertThat(real.contains(name) || real.stream().anyMatch(r -> r.startsWith(name + ".")))
          .as("README names %s, which is not a property", name).isTrue();
    }
  }
}
