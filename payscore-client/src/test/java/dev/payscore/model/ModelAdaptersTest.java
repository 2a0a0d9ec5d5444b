package dev.payscore.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No model is bound by Moshi's reflective adapter, nor looked up by name: ModelAdapters hands out every one.
 * A Moshi without ModelAdapters (an application's own) finds the same generated adapters by name, through
 * {@code @JsonClass}.
 */
class ModelAdaptersTest {
  static List<Class<?>> models() throws Exception {
    File dir = new File(ModelAdapters.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    File[] files = new File(dir, "dev/payscore/model").listFiles();
    List<Class<?>> models = new ArrayList<>();
    for (File file : files) {
      String name = file.getName();
      if (name.endsWith(".class") && !name.contains("$") && !name.endsWith("JsonAdapter.class")) {
        Class<?> type = Class.forName("dev.payscore.model." + name.substring(0, name.length() - 6));
        if (type.isAnnotationPresent(com.squareup.moshi.JsonClass.class)) {
          models.add(type);
        }
      }
    }
    return models;
  }

  @Test
  void everyModelGetsItsGeneratedAdapterFromTheFactory() throws Exception {
    List<Class<?>> models = models();
    assertTrue(models.size() >= 18, "models found: " + models);
    Moshi moshi = new Moshi.Builder().add(ModelAdapters.FACTORY).build();
    for (Class<?> model : models) {
      JsonAdapter<?> direct = ModelAdapters.FACTORY.create(model, java.util.Collections.emptySet(), moshi);
      assertTrue(direct != null, model + " is not handed out by ModelAdapters");
      assertEquals("JsonAdapter(" + model.getSimpleName() + ").nullSafe()", direct.toString(), model.getName());
      assertEquals(direct.toString(), moshi.adapter(model).toString(), model.getName());
    }
  }

  @Test
  void aMoshiWithoutTheFactoryFindsTheSameGeneratedAdaptersThroughJsonClass() throws Exception {
    List<Class<?>> models = models();
    assertTrue(models.size() >= 18, "models found: " + models);
    Moshi plain = new Moshi.Builder().build();
    for (Class<?> model : models) {
      assertEquals("JsonAdapter(" + model.getSimpleName() + ").nullSafe()", plain.adapter(model).toString(),
          model.getName());
    }
  }
}
