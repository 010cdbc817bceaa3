package io.krrkit.local.internal.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** JSON Merge Patch (RFC 7396): objects merge, {@code null} removes, anything else replaces. */
final class MergePatch {
  private MergePatch() {}

  /** Merges {@code patch} into {@code target} in place. */
  static void apply(ObjectNode target, JsonNode patch) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        target.remove(name);
      } else if (value.isObject() && target.get(name) instanceof ObjectNode nested) {
        apply(nested, value);
      } else {
        target.set(name, value.deepCopy());
      }
    }
  }
}
