package org.mailledger.ops;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar's manifest, so it never drifts from the pom. */
public class OpsVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = OpsVersion.class.getPackage().getImplementationVersion();
    return new String[] {"ops " + (version == null ? "(development build)" : version)};
  }
}
