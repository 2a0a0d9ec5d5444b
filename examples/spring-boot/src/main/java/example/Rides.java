package example;

import dev.payscore.api.PayafterOrdersApi;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderResponse;
import dev.payscore.model.FinishType;
import dev.payscore.model.PayafterOrder;
import dev.payscore.notify.PayScoreNotification;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Rides paid with Pay Score: an order is created when the ride starts, completed with the fare when
 * it ends; WeChat Pay's notifications say when the user accepted and when the user paid. A real
 * application keeps the states in its database; a map does here.
 */
@Service
public class Rides {
  private static final Logger log = LoggerFactory.getLogger(Rides.class);

  private final PayafterOrdersApi orders;
  private final String appid;
  private final String serviceId;
  private final Map<String, String> states = new ConcurrentHashMap<>();

  public Rides(PayafterOrdersApi orders, @Value("${example.appid}") String appid,
      @Value("${example.service-id}") String serviceId) {
    this.orders = orders;
    this.appid = appid;
    this.serviceId = serviceId;
  }

  /** Creates the order; the user confirms it in WeChat with the returned package. */
  public CreatePayafterOrderResponse start(String outOrderNo) throws IOException {
    CreatePayafterOrderResponse created = orders.createPayafterOrder(CreatePayafterOrderRequest.builder()
        .appid(appid).serviceId(serviceId).outOrderNo(outOrderNo)
        .serviceStartTime("OnAccept").serviceIntroduction("骑行服务").riskAmount(20000L).needUserConfirm(true)
        .build()).execute().body();
    states.put(outOrderNo, "CREATED");
    log.info("ride {}: order {} created", outOrderNo, created.getOrderId());
    return created;
  }

  /** Completes the order with the fare (in fen), using the finish ticket of the accepted order. */
  public void finish(String outOrderNo, long fare) throws IOException {
    PayafterOrder order = orders.queryPayafterOrder(serviceId, appid, outOrderNo, null).execute().body();
    orders.completePayafterOrder(outOrderNo, CompletePayafterOrderRequest.builder()
        .appid(appid).serviceId(serviceId).finishType(FinishType.SERVICE_USED).totalAmount(fare)
        .finishTicket(order.getFinishTicket()).build()).execute();
    states.put(outOrderNo, "FINISHED");
    log.info("ride {}: completed, {} fen to collect", outOrderNo, fare);
  }

  /** WeChat Pay: the user accepted the order. Verified, decrypted, and delivered once. */
  @EventListener
  void onAccepted(PayScoreNotification.UserAccepted accepted) {
    String outOrderNo = accepted.getOrder().getOutOrderNo();
    states.put(outOrderNo, "ACCEPTED");
    log.info("ride {}: the user accepted (notification {})", outOrderNo, accepted.getId());
  }

  /** WeChat Pay: the user paid. An exception here has WeChat Pay send the notification again. */
  @EventListener
  void onPaid(PayScoreNotification.UserPaid paid) {
    String outOrderNo = paid.getOrder().getOutOrderNo();
    states.put(outOrderNo, "PAID");
    log.info("ride {}: paid, {} fen (notification {})", outOrderNo, paid.getOrder().getTotalAmount(), paid.getId());
  }

  /** The ride's state as this application knows it, or {@code null}. */
  public String state(String outOrderNo) {
    return states.get(outOrderNo);
  }
}
