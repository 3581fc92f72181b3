package org.mailledger.ops.config;

import java.util.Iterator;
import java.util.Locale;
import org.mailledger.projection.layouts.Layouts;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --layout} option of the ops commands: one of the names in projection's {@link
 * Layouts#NAMES}, the one list of layouts, given in any case. As picocli's converter it answers the
 * name in lower case; as its completion candidates, the names, for the help text.
 */
public final class LayoutName implements ITypeConverter<String>, Iterable<String> {

  @Override
  public String convert(String value) {
    String name = value.trim().toLowerCase(Locale.ROOT);
    if (!Layouts.NAMES.contains(name)) {
      throw new TypeConversionException(
          "expected one of " + String.join(", ", Layouts.NAMES) + " but was '" + value + "'");
    }
    return name;
  }

  @Override
  public Iterator<String> iterator() {
    return Layouts.NAMES.iterator();
  }
}
