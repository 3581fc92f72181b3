package org.mailledger.ops.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The main classes of every module on the ops test class path (schema, command-side, projection,
 * ops), imported once for all the rules: the import is the slow part.
 */
final class MainClasses {

  static final JavaClasses MAILLEDGER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.mailledger");

  private MainClasses() {}
}
