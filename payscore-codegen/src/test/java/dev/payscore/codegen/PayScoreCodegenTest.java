package dev.payscore.codegen;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * Runs the generator with the project's templates on small contracts, and compiles and runs what it
 * generates together with the hand-written model support of payscore-client.
 */
class PayScoreCodegenTest {
  private static final Path ROOT = Paths.get(System.getProperty("payscore.basedir", ".."));
  private static final String STUB_ENCRYPTOR = "package dev.payscore.auth;\n"
      + "public final class FieldEncryptor {\n"
      + "  public String encrypt(String plain) {\n"
      + "    return plain == null ? null : \"enc(\" + plain + \")\";\n"
      + "  }\n"
      + "}\n";

  /** What the generator made of nested-encryption.yaml, compiled: shared by the tests that read it. */
  @TempDir static Path nested;
  private static ClassLoader nestedClasses;

  @TempDir Path out;

  @BeforeAll
  static void generateNested() throws Exception {
    generate("nested-encryption.yaml", nested);
    nestedClasses = compile(nested);
  }

  private static void generate(String spec, Path out) throws URISyntaxException {
    CodegenConfigurator configurator =
        CodegenConfigurator.fromFile(ROOT.resolve("templates/generator-config.yaml").toString());
    configurator
        .setGeneratorName(PayScoreCodegen.class.getName())
        .setInputSpec(Paths.get(PayScoreCodegenTest.class.getResource("/" + spec).toURI()).toString())
        .setOutputDir(out.toString())
        .setTemplateDir(ROOT.resolve("templates").toString())
        .setLibrary("retrofit2")
        .setApiPackage("dev.payscore.api")
        .setModelPackage("dev.payscore.model")
        .setInvokerPackage("dev.payscore.internal")
        .addAdditionalProperty("sourceFolder", "java")
        .addAdditionalProperty("serializationLibrary", "jsonb")
        .addAdditionalProperty("openApiNullable", "false")
        .addAdditionalProperty("annotationLibrary", "none")
        .addAdditionalProperty("documentationProvider", "none")
        .addGlobalProperty("models", "")
        .addGlobalProperty("apis", "")
        .addGlobalProperty("supportingFiles", "ModelAdapters.java,FieldEncryption.java")
        .addGlobalProperty("apiTests", "false")
        .addGlobalProperty("modelTests", "false")
        .addGlobalProperty("apiDocs", "false")
        .addGlobalProperty("modelDocs", "false");
    new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
  }

  private static String generated(String path) throws IOException {
    return new String(Files.readAllBytes(nested.resolve("java/dev/payscore/" + path)), UTF_8);
  }

  /** Compiles the generated models with the client's model support and a stub encryptor. */
  private static ClassLoader compile(Path out) throws Exception {
    List<String> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out.resolve("java/dev/payscore"))) {
      files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/api/"))
          .forEach(p -> sources.add(p.toString()));
    }
    try (Stream<Path> files =
        Files.list(ROOT.resolve("payscore-client/src/main/java/dev/payscore/model"))) {
      files.forEach(p -> sources.add(p.toString()));
    }
    Path stub = out.resolve("stub/dev/payscore/auth/FieldEncryptor.java");
    Files.createDirectories(stub.getParent());
    Files.write(stub, STUB_ENCRYPTOR.getBytes(UTF_8));
    sources.add(stub.toString());
    Path classes = Files.createDirectories(out.resolve("classes"));
    String classPath = Stream.of(Moshi.class, okio.Buffer.class, kotlin.Unit.class,
            org.jspecify.annotations.Nullable.class)
        .map(PayScoreCodegenTest::location)
        .collect(Collectors.joining(File.pathSeparator));
    List<String> args = new ArrayList<>(List.of(
        "-d", classes.toString(), "-cp", classPath, "--release", "8", "-nowarn", "-Xlint:none"));
    args.addAll(sources);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    int status = javac.run(null, errors, errors, args.toArray(new String[0]));
    assertEquals(0, status, errors.toString(UTF_8));
    return new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, PayScoreCodegenTest.class.getClassLoader());
  }

  private static String location(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void namesTheContractAndThePublicFactoryByDefault() throws Exception {
    String adapters = generated("model/ModelAdapters.java");
    assertTrue(adapters.startsWith("// Generated by openapi-generator from openapi/nested-encryption.yaml with"),
        adapters);
    assertTrue(adapters.contains("public final class ModelAdapters implements"), adapters);
    assertTrue(adapters.contains("    return null;\n  }\n}"), "no factory to hand on to: " + adapters);
  }

  @Test
  void encryptionRecursesIntoNestedModelsAndListsAndLeavesTheRestAlone() throws Exception {
    ClassLoader loader = nestedClasses;
    JsonAdapter.Factory factory = (JsonAdapter.Factory)
        loader.loadClass("dev.payscore.model.ModelAdapters").getField("FACTORY").get(null);
    Moshi moshi = new Moshi.Builder().add(factory).build();
    JsonAdapter<Object> orders = moshi.adapter((Type) loader.loadClass("dev.payscore.model.Order"));
    Object order = orders.fromJson("{\"note\":\"n\",\"customer\":{\"name\":\"Zhang\",\"age\":30},"
        + "\"lines\":[{\"secret\":\"s1\",\"amount\":1,\"kind\":2},{\"amount\":2}],"
        + "\"receipts\":[{\"id\":\"r\",\"paid\":true}]}");
    Class<?> encryptorType = loader.loadClass("dev.payscore.auth.FieldEncryptor");
    Object encryptor = encryptorType.getConstructor().newInstance();
    Method encrypt = loader.loadClass("dev.payscore.internal.FieldEncryption")
        .getMethod("encrypt", Object.class, encryptorType);

    assertEquals("{\"note\":\"n\",\"customer\":{\"name\":\"enc(Zhang)\",\"age\":30},"
            + "\"lines\":[{\"secret\":\"enc(s1)\",\"amount\":1,\"kind\":2},{\"amount\":2}],"
            + "\"receipts\":[{\"id\":\"r\",\"paid\":true}]}",
        orders.toJson(encrypt.invoke(null, order, encryptor)));
    assertEquals("Order{note=n, customer=Customer{name=***, age=30},"
        + " lines=[Line{secret=***, amount=1, kind=NUMBER_2}, Line{amount=2}],"
        + " receipts=[Receipt{id=r, paid=true}]}", order.toString());
    Object receipt = moshi.adapter((Type) loader.loadClass("dev.payscore.model.Receipt")).fromJson("{}");
    assertSame(receipt, encrypt.invoke(null, receipt, encryptor));

    String fieldEncryption = generated("internal/FieldEncryption.java");
    assertFalse(fieldEncryption.contains("Receipt"), "a model without encrypted properties gets no code");
    assertTrue(fieldEncryption.contains("encryptLineList("), fieldEncryption);
  }

  @Test
  void propertiesAreIndexedFromZeroAndAdaptersTakeMoshiOnlyWhenTheyDelegate() throws Exception {
    String order = generated("model/OrderJsonAdapter.java");
    assertTrue(order.contains("case 0:\n            note = JsonValues.nextString(reader);"), order);
    assertTrue(order.contains("case 3:\n            receipts = receiptsAdapter.fromJson(reader);"), order);
    assertTrue(order.contains("OrderJsonAdapter(Moshi moshi)"), order);
    String receipt = generated("model/ReceiptJsonAdapter.java");
    assertFalse(receipt.contains("import com.squareup.moshi.Moshi;"), receipt);
    assertTrue(receipt.contains("final class ReceiptJsonAdapter extends JsonAdapter<Receipt> {\n"
        + "  private static final JsonReader.Options NAMES"), receipt);
    assertFalse(receipt.contains("case 1 - 1"), receipt);
  }

  @Test
  void refusesAnEncryptedPropertyThatIsNotAString() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> generate("encrypted-number.yaml", out));
    assertTrue(e.getMessage().startsWith("Person.age: x-payscore-encrypted needs a string"), e.getMessage());
  }

  @Test
  void refusesAnEncryptedPropertyWithARuleOnItsPlainText() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> generate("encrypted-with-max-length.yaml", out));
    assertTrue(e.getMessage().contains("pattern or maxLength"), e.getMessage());
  }

  @Test
  void refusesAPropertyTheAdapterTemplateDoesNotReadStrictly() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> generate("decimal.yaml", out));
    assertTrue(e.getMessage().startsWith("Price.amount is BigDecimal"), e.getMessage());
  }
}
