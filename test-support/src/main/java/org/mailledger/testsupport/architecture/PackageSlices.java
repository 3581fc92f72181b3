package org.mailledger.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The slices for a package-cycle rule of one module: each package directly under {@code base}, with
 * its subpackages, is a slice, and {@code base} itself is one more, so that a cycle through the
 * classes at the top (an application class, a command-line entry point) counts too.
 */
public final class PackageSlices implements SliceAssignment {

  private final String base;

  private PackageSlices(String base) {
    this.base = base;
  }

  public static PackageSlices under(String base) {
    return new PackageSlices(base);
  }

  @Override
  public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
    String pkg = javaClass.getPackageName();
    if (pkg.equals(base)) {
      return SliceIdentifier.of(base);
    }
    if (pkg.startsWith(base + ".")) {
      return SliceIdentifier.of(base + "." + pkg.substring(base.length() + 1).split("\\.")[0]);
    }
    return SliceIdentifier.ignore();
  }

  @Override
  public String getDescription() {
    return "the packages directly under " + base + " (with their subpackages), and " + base;
  }
}
