package dev.payscore.codegen;

import com.google.common.collect.ImmutableMap;
import com.samskivert.mustache.Mustache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * openapi-generator's {@code java} generator (7.25.0) with what the templates in {@code templates/}
 * need and Mustache cannot compute. Named by class in payscore-client's pom.xml.
 *
 * <p>Lambdas: {@code {{#lambda.javadoc}}…{{/lambda.javadoc}}} turns a Markdown description into
 * Javadoc (see {@link Javadoc}) whose continuation lines start with {@code " * "};
 * {@code lambda.javadoc_2} and {@code lambda.javadoc_4} do the same for members (indented by 2) and
 * members of nested classes (indented by 4).
 *
 * <p>Vendor extensions added to every model and property (the {@code x-payscore-} prefix marks
 * them; the contract's own are listed in openapi/payscore-payafter.yaml):
 * <ul>
 *   <li>{@code x-payscore-index}: a property's 0-based position, for {@code JsonReader.Options};
 *   <li>{@code x-payscore-scalar}: {@code String}, {@code Int}, {@code Long} or {@code Boolean} for a
 *       property (or an enum) whose JSON value is read and written directly, absent for one bound
 *       by another adapter;
 *   <li>{@code x-payscore-delegating}: the model has a property bound by another adapter (a model,
 *       an enum or a list), so its JSON adapter takes a {@code Moshi};
 *   <li>{@code x-payscore-has-list}: the model has a list property;
 *   <li>{@code x-payscore-has-encrypted}: the model has an {@code x-payscore-encrypted} property,
 *       itself or in a nested model or list;
 *   <li>{@code x-payscore-encrypted-nested}: the property is a model, or a list of models, with
 *       encrypted properties;
 *   <li>{@code x-payscore-encrypted-in-list}: the model is the item of such a list.
 * </ul>
 * one to the supporting files: {@code x-payscore-encrypts-lists}, some model is such an item; and
 * one to every operation: {@code x-payscore-required-query}, the names of its required query
 * parameters.
 *
 * <p>Additional properties given defaults: {@code contractFile}, the contract's file name, which every
 * generated file names in its header (default: the input spec's); {@code adaptersClass}, the name of
 * the Moshi factory of the contract's models (default {@code ModelAdapters}).
 *
 * <p>Generation fails on a property the JSON adapter template does not read strictly (anything but
 * string, 32/64-bit integer, boolean, model, enum, list of models or enums, and any JSON value,
 * which Moshi reads as {@code Object}), and on an
 * {@code x-payscore-encrypted} property that is not a string or has a pattern or maximum length (the
 * model is rebuilt around the ciphertext, and those rules apply to the plain text).
 */
public class PayScoreCodegen extends JavaClientCodegen {
  static final String INDEX = "x-payscore-index";
  static final String SCALAR = "x-payscore-scalar";
  static final String DELEGATING = "x-payscore-delegating";
  static final String HAS_LIST = "x-payscore-has-list";
  static final String ENCRYPTED = "x-payscore-encrypted";
  static final String HAS_ENCRYPTED = "x-payscore-has-encrypted";
  static final String ENCRYPTED_NESTED = "x-payscore-encrypted-nested";
  static final String ENCRYPTED_IN_LIST = "x-payscore-encrypted-in-list";
  static final String ENCRYPTS_LISTS = "x-payscore-encrypts-lists";
  static final String REQUIRED_QUERY = "x-payscore-required-query";
  static final String CONTRACT_FILE = "contractFile";
  static final String ADAPTERS_CLASS = "adaptersClass";

  /** Gives {@code contractFile} and {@code adaptersClass} their defaults when not set. */
  @Override
  public void processOpts() {
    super.processOpts();
    if (!additionalProperties.containsKey(CONTRACT_FILE) && getInputSpec() != null) {
      additionalProperties.put(CONTRACT_FILE, java.nio.file.Paths.get(getInputSpec()).getFileName().toString());
    }
    additionalProperties.putIfAbsent(ADAPTERS_CLASS, "ModelAdapters");
  }

  @Override
  protected ImmutableMap.Builder<String, Mustache.Lambda> addMustacheLambdas() {
    return super.addMustacheLambdas()
        .put("javadoc", javadoc(" * "))
        .put("javadoc_2", javadoc("   * "))
        .put("javadoc_4", javadoc("     * "));
  }

  private static Mustache.Lambda javadoc(String continuation) {
    return (fragment, out) -> out.write(Javadoc.fromMarkdown(fragment.execute(), continuation));
  }

  /**
   * Adds {@code x-payscore-required-query} to every operation, and keeps only the imports that the
   * interface uses (the generator also imports the models of error responses).
   */
  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    Set<String> used = new HashSet<>();
    for (CodegenOperation operation : result.getOperations().getOperation()) {
      List<String> required = new ArrayList<>();
      for (CodegenParameter parameter : operation.queryParams) {
        if (parameter.required) {
          required.add(parameter.baseName);
        }
      }
      operation.vendorExtensions.put(REQUIRED_QUERY, required);
      used.add(operation.returnBaseType);
      for (CodegenParameter parameter : operation.allParams) {
        used.add(parameter.baseType);
        used.add(parameter.dataType);
      }
    }
    result.getImports().removeIf(entry -> !used.contains(entry.get("classname")));
    return result;
  }

  @Override
  public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> objs) {
    Map<String, ModelsMap> result = super.postProcessAllModels(objs);
    Map<String, CodegenModel> models = new HashMap<>();
    for (ModelsMap modelsMap : result.values()) {
      for (ModelMap modelMap : modelsMap.getModels()) {
        CodegenModel model = modelMap.getModel();
        models.put(model.classname, model);
      }
    }
    for (CodegenModel model : models.values()) {
      describe(model);
    }
    if (markEncryption(models)) {
      additionalProperties.put(ENCRYPTS_LISTS, true);
    }
    return result;
  }

  private static void describe(CodegenModel model) {
    if (model.isEnum) {
      model.vendorExtensions.put(SCALAR, scalar(model.classname, model.dataType));
      return;
    }
    List<CodegenProperty> vars = model.vars;
    for (int i = 0; i < vars.size(); i++) {
      CodegenProperty property = vars.get(i);
      String where = model.classname + "." + property.baseName;
      if (property.isArray) {
        if (property.items == null || !(property.items.isModel || property.items.isEnumRef)) {
          throw unsupported(where, property.dataType);
        }
        model.vendorExtensions.put(HAS_LIST, true);
        model.vendorExtensions.put(DELEGATING, true);
      } else if (property.isModel || property.isEnumRef || property.isAnyType) {
        model.vendorExtensions.put(DELEGATING, true);
      } else if (property.isEnum) {
        throw unsupported(where, "an inline enum");
      } else {
        property.vendorExtensions.put(SCALAR, scalar(where, property.dataType));
      }
      if (Boolean.TRUE.equals(property.vendorExtensions.get(ENCRYPTED))
          && (!property.isString || property.pattern != null || property.maxLength != null)) {
        throw new IllegalStateException(where + ": " + ENCRYPTED
            + " needs a string property without pattern or maxLength (they would be checked against"
            + " the ciphertext)");
      }
      property.vendorExtensions.put(INDEX, i);
    }
  }

  private static String scalar(String where, String dataType) {
    switch (dataType) {
      case "String":
        return "String";
      case "Integer":
        return "Int";
      case "Long":
        return "Long";
      case "Boolean":
        return "Boolean";
      default:
        throw unsupported(where, dataType);
    }
  }

  private static IllegalStateException unsupported(String where, String type) {
    return new IllegalStateException(where + " is " + type + ": the templates read only strings,"
        + " 32/64-bit integers, booleans, models, enums, lists of models or enums, and untyped"
        + " values (see templates/jsonAdapter.mustache)");
  }

  /**
   * Marks the models with encrypted properties, directly or through nested models and lists.
   *
   * @return whether some list holds models with encrypted properties
   */
  private static boolean markEncryption(Map<String, CodegenModel> models) {
    Set<String> encrypting = new HashSet<>();
    for (CodegenModel model : models.values()) {
      for (CodegenProperty property : model.vars) {
        if (Boolean.TRUE.equals(property.vendorExtensions.get(ENCRYPTED))) {
          encrypting.add(model.classname);
        }
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (CodegenModel model : models.values()) {
        for (CodegenProperty property : model.vars) {
          String nested = nestedModel(property);
          if (nested != null && encrypting.contains(nested) && encrypting.add(model.classname)) {
            changed = true;
          }
        }
      }
    }
    boolean lists = false;
    for (CodegenModel model : models.values()) {
      if (encrypting.contains(model.classname)) {
        model.vendorExtensions.put(HAS_ENCRYPTED, true);
      }
      for (CodegenProperty property : model.vars) {
        String nested = nestedModel(property);
        if (nested != null && encrypting.contains(nested)) {
          property.vendorExtensions.put(ENCRYPTED_NESTED, true);
          if (property.isArray) {
            models.get(nested).vendorExtensions.put(ENCRYPTED_IN_LIST, true);
            lists = true;
          }
        }
      }
    }
    return lists;
  }

  /** The class name of the model a property holds or lists, or null. */
  private static String nestedModel(CodegenProperty property) {
    if (property.isModel) {
      return property.complexType;
    }
    if (property.isArray && property.items != null && property.items.isModel) {
      return property.items.complexType;
    }
    return null;
  }
}
