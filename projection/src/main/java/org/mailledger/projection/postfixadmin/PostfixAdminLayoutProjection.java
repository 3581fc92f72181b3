package org.mailledger.projection.postfixadmin;

import org.axonframework.config.ProcessingGroup;
import org.mailledger.projection.layout.LayoutProjection;
import org.mailledger.projection.lookup.LookupDatabase;

/** Keeps PostfixAdmin's tables through a {@link PostfixAdminWriter}, in a processor of its own. */
@ProcessingGroup(PostfixAdminLayout.GROUP)
public class PostfixAdminLayoutProjection extends LayoutProjection {

  public PostfixAdminLayoutProjection(LookupDatabase lookup) {
    super(lookup, PostfixAdminLayout.descriptor());
  }
}
