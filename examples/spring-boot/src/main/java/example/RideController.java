package example;

import java.io.IOException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rides over HTTP: POST /rides/{no}, POST /rides/{no}/finish?fare=400, GET /rides/{no}. */
@RestController
class RideController {
  private final Rides rides;

  RideController(Rides rides) {
    this.rides = rides;
  }

  @PostMapping("/rides/{outOrderNo}")
  Map<String, String> start(@PathVariable String outOrderNo) throws IOException {
    return Map.of("out_order_no", outOrderNo, "package", rides.start(outOrderNo).getPackageValue());
  }

  @PostMapping("/rides/{outOrderNo}/finish")
  Map<String, String> finish(@PathVariable String outOrderNo, @RequestParam long fare) throws IOException {
    rides.finish(outOrderNo, fare);
    return Map.of("out_order_no", outOrderNo, "state", rides.state(outOrderNo));
  }

  @GetMapping("/rides/{outOrderNo}")
  ResponseEntity<Map<String, String>> state(@PathVariable String outOrderNo) {
    String state = rides.state(outOrderNo);
    return state == null ? ResponseEntity.notFound().build()
        : ResponseEntity.ok(Map.of("out_order_no", outOrderNo, "state", state));
  }
}
