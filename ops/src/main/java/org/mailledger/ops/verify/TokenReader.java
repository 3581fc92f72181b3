package org.mailledger.ops.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Reads a processor's position from the lookup database's {@code layout_token_entry}. Tokens are
 * Axon's Jackson JSON: a GlobalSequenceTrackingToken {@code {"globalIndex":N}}, a
 * GapAwareTrackingToken {@code {"index":N,"gaps":[...]}}, or either wrapped in a ReplayToken during
 * a replay ({@code currentToken}). Read as JSON rather than through Axon's serializer so that the
 * tool needs no Axon configuration.
 */
final class TokenReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenReader() {}

  static AppliedPosition read(
      Connection c, String processor, SequencingPolicy<? super EventMessage<?>> policy)
      throws SQLException {
    Map<Integer, Long> indexes = new TreeMap<>();
    Map<Integer, Set<Long>> gaps = new TreeMap<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT segment, token FROM layout_token_entry WHERE processor_name = ?")) {
      st.setString(1, processor);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          int segment = rs.getInt(1);
          byte[] token = rs.getBytes(2);
          Set<Long> segmentGaps = new TreeSet<>();
          // A null token: the segment has applied nothing yet.
          indexes.put(segment, token == null ? 0 : index(parse(token), segmentGaps));
          gaps.put(segment, segmentGaps);
        }
      }
    }
    int[] ids = indexes.keySet().stream().mapToInt(Integer::intValue).toArray();
    Map<Segment, Long> bySegment = new LinkedHashMap<>();
    Map<Segment, Set<Long>> gapsBySegment = new LinkedHashMap<>();
    for (int id : ids) {
      Segment segment = Segment.computeSegment(id, ids);
      bySegment.put(segment, indexes.get(id));
      gapsBySegment.put(segment, gaps.get(id));
    }
    return new AppliedPosition(bySegment, gapsBySegment, policy);
  }

  private static JsonNode parse(byte[] token) {
    try {
      return JSON.readTree(token);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable tracking token: " + new String(token), e);
    }
  }

  /** The token's position, its gaps added to {@code gaps}; 0 for a token before any event. */
  static long index(JsonNode token, Set<Long> gaps) {
    if (token == null || token.isNull()) {
      return 0;
    }
    if (token.has("globalIndex")) {
      return token.get("globalIndex").asLong();
    }
    if (token.has("index")) {
      token.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
      return Math.max(0, token.get("index").asLong());
    }
    if (token.has("currentToken")) {
      return index(token.get("currentToken"), gaps);
    }
    throw new IllegalStateException("unknown tracking token: " + token);
  }
}
