package org.mailledger.projection.dinomail;

import org.axonframework.config.ProcessingGroup;
import org.mailledger.projection.layout.LayoutProjection;
import org.mailledger.projection.lookup.LookupDatabase;

/** Keeps the tables behind DinoMail's views through a {@link DinoMailWriter}. */
@ProcessingGroup(DinoMailLayout.GROUP)
public class DinoMailLayoutProjection extends LayoutProjection {

  public DinoMailLayoutProjection(LookupDatabase lookup, String tablePrefix) {
    super(lookup, DinoMailLayout.descriptor(tablePrefix));
  }
}
