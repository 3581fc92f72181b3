package org.mailledger.projection.rebuild;

import org.mailledger.projection.config.LayoutCondition;

/** The rebuild exists where the mum layout is kept. */
class RebuildCondition extends LayoutCondition {
  RebuildCondition() {
    super(LayoutRebuilder.LAYOUT);
  }
}
