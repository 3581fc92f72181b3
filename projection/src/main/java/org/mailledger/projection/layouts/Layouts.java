package org.mailledger.projection.layouts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.dinomail.DinoMailLayout;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layout.LayoutMigrations;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.mum.MumLayout;
import org.mailledger.projection.postfixadmin.PostfixAdminLayout;

/**
 * The layouts this release knows, by name, as {@code mailledger.layouts} names them: the one list
 * of layouts the app, {@code ops} and the tests read. A new layout is one line here (its name and
 * its descriptor) besides its own package, SQL folders and tests.
 */
public final class Layouts {

  /** Every layout's name, in the order their migrations run. */
  public static final List<String> NAMES =
      List.of(MumLayout.NAME, PostfixAdminLayout.NAME, DinoMailLayout.NAME);

  /** The settings with every default, for tools that describe a layout without an app. */
  public static final ProjectionProperties.LayoutSettings DEFAULT_SETTINGS =
      new ProjectionProperties.LayoutSettings(new ProjectionProperties.Dinomail("dinomail_"));

  private Layouts() {}

  /** The descriptor of a layout by its name; an unknown name is an error that lists the known. */
  public static LayoutDescriptor describe(
      String name, ProjectionProperties.LayoutSettings settings) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case MumLayout.NAME -> MumLayout.descriptor();
      case PostfixAdminLayout.NAME -> PostfixAdminLayout.descriptor();
      case DinoMailLayout.NAME -> DinoMailLayout.descriptor(settings.dinomail().tablePrefix());
      default ->
          throw new IllegalArgumentException(
              "no layout " + name.trim() + "; the layouts are " + String.join(", ", NAMES));
    };
  }

  /** The layouts {@code mailledger.layouts} names, each once. */
  public static List<LayoutDescriptor> kept(ProjectionProperties properties) {
    List<LayoutDescriptor> kept = new ArrayList<>();
    for (String name : properties.layouts()) {
      LayoutDescriptor layout = describe(name, properties.layout());
      if (kept.stream().noneMatch(k -> k.name().equals(layout.name()))) {
        kept.add(layout);
      }
    }
    return inMigrationOrder(kept);
  }

  /** The shared tables and the named layout's own, on the lookup database (tools and tests). */
  public static void migrate(LookupDatabase lookup, String name) {
    LayoutMigrations.migrate(lookup, describe(name, DEFAULT_SETTINGS));
  }

  /** In the order of {@link #NAMES}, so the lookup database is migrated the same way each time. */
  private static List<LayoutDescriptor> inMigrationOrder(Collection<LayoutDescriptor> layouts) {
    return layouts.stream().sorted(Comparator.comparingInt(l -> NAMES.indexOf(l.name()))).toList();
  }
}
