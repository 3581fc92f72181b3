package org.mailledger.projection.rebuild;

/** Told of a rebuild's progress after every page of events and at every change of phase. */
@FunctionalInterface
public interface RebuildListener {

  RebuildListener NONE = progress -> {};

  void progress(RebuildProgress progress);
}
