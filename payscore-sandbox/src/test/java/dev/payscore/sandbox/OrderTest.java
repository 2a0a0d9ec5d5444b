package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payscore.model.PayafterOrderState;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The order state machine: every event from every state. */
class OrderTest {
  static Order in(PayafterOrderState state) {
    return new Order("O1", "wx", "1", "3000", state, null);
  }

  @Test
  void eachEventMovesOnlyFromItsStates() {
    Object[][] table = {
      {Order.Event.ACCEPT, EnumSet.of(PayafterOrderState.CREATED), PayafterOrderState.USER_ACCEPTED},
      {Order.Event.COMPLETE, EnumSet.of(PayafterOrderState.USER_ACCEPTED), PayafterOrderState.FINISHED},
      {Order.Event.COMPLETE_UNUSED, EnumSet.of(PayafterOrderState.USER_ACCEPTED), PayafterOrderState.REVOKED},
      {Order.Event.EXPIRE, EnumSet.of(PayafterOrderState.CREATED), PayafterOrderState.REVOKED},
      {Order.Event.CANCEL, EnumSet.of(PayafterOrderState.CREATED, PayafterOrderState.USER_ACCEPTED),
          PayafterOrderState.REVOKED},
      {Order.Event.USER_PAYS, EnumSet.of(PayafterOrderState.FINISHED), PayafterOrderState.USER_PAID},
      {Order.Event.SYNC_PAID, EnumSet.of(PayafterOrderState.FINISHED, PayafterOrderState.USER_PAID),
          PayafterOrderState.USER_PAID},
    };
    assertEquals(Order.Event.values().length, table.length);
    for (Object[] row : table) {
      Order.Event event = (Order.Event) row[0];
      @SuppressWarnings("unchecked")
      EnumSet<PayafterOrderState> from = (EnumSet<PayafterOrderState>) row[1];
      for (PayafterOrderState state : PayafterOrderState.values()) {
        Order order = in(state);
        if (from.contains(state)) {
          order.apply(event);
          assertEquals(row[2], order.state(), event + " from " + state);
        } else {
          IllegalStateException e = assertThrows(IllegalStateException.class, () -> order.apply(event),
              event + " from " + state);
          assertEquals(state, order.state());
          assertEquals(true, e.getMessage().startsWith("order O1 is " + state + ", not "), e.getMessage());
        }
      }
    }
  }

  @Test
  void snapshotNamesTheStateAsOnTheWire() {
    assertEquals("USER_ACCEPTED", in(PayafterOrderState.USER_ACCEPTED).snapshot().state());
  }
}
