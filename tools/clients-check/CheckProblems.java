import cn.gov.tongban.client.ApiClient;
import cn.gov.tongban.client.ApiException;
import cn.gov.tongban.client.api.LedgerApi;
import cn.gov.tongban.client.model.ClaimRefusalProblem;
import cn.gov.tongban.client.model.ProblemAlreadyClaimed;
import cn.gov.tongban.client.model.ProblemNotResponsible;
import cn.gov.tongban.client.model.ProvisionClaimRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Proof that a freshly generated Java client (openapi-generator, contracts/generators/java.yaml, library
 * native) keeps the facts of a 409: the generated LedgerApi calls a stand-in gateway that answers the
 * contract's recorded problems (args[0], a JSON file {code: body}); the body, read with the client's own
 * ObjectMapper into the operation's 409 type, must carry every member. Run by tools/clients-check.sh.
 */
public class CheckProblems {
  static void check(boolean ok, String what) {
    if (!ok) throw new AssertionError(what);
  }

  public static void main(String[] args) throws Exception {
    ApiClient client = new ApiClient();
    JsonNode recorded = client.getObjectMapper().readTree(Files.readString(Path.of(args[0])));
    Deque<String> answers = new ArrayDeque<>();
    answers.add(recorded.get("not-responsible").toString());
    answers.add(recorded.get("already-claimed").toString());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/provision-claims", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = answers.removeFirst().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("content-type", "application/problem+json; charset=utf-8");
      exchange.sendResponseHeaders(409, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    client.updateBaseUri("http://127.0.0.1:" + server.getAddress().getPort());
    client.setRequestInterceptor(b -> b.header("Authorization", "Bearer dev-token-440100-veterans-affairs"));
    LedgerApi api = new LedgerApi(client);
    ProvisionClaimRequest claim = new ProvisionClaimRequest()
        .subjectRef("s1_" + "A".repeat(32)).serviceCode("veterans.preferential-care").periodKey("2026-11");

    ClaimRefusalProblem first = refusal(api, client, claim);
    ProblemNotResponsible nr = first.getProblemNotResponsible();
    JsonNode want = recorded.get("not-responsible");
    check(nr.getResponsibleRegion().equals(want.get("responsibleRegion").asText()), "responsibleRegion " + nr);
    check(nr.getServiceCode().equals(want.get("serviceCode").asText()), "serviceCode " + nr);
    check(nr.getSince() != null && nr.getSince().toString().startsWith(want.get("since").asText().substring(0, 16)), "since " + nr.getSince());
    check(nr.getPeriodStart().toString().equals(want.get("periodStart").asText()), "periodStart " + nr.getPeriodStart());

    ClaimRefusalProblem second = refusal(api, client, claim);
    ProblemAlreadyClaimed ac = second.getProblemAlreadyClaimed();
    want = recorded.get("already-claimed");
    check(ac.getClaimedBy().equals(want.get("claimedBy").asText()), "claimedBy " + ac);
    check(ac.getClaimId().toString().equals(want.get("claimId").asText()), "claimId " + ac);
    check(ac.getClaimedAt() != null && ac.getClaimedAt().toString().startsWith(want.get("claimedAt").asText().substring(0, 16)), "claimedAt " + ac);
    server.stop(0);
    System.out.println("java: the generated client keeps not-responsible (responsibleRegion, since, serviceCode, periodStart)"
        + " and already-claimed (claimedBy, claimId, claimedAt)");
  }

  /** The 409 of a refused claim, read as the operation's declared type (the native library leaves error bodies as text). */
  static ClaimRefusalProblem refusal(LedgerApi api, ApiClient client, ProvisionClaimRequest claim) throws Exception {
    try {
      api.claimProvision(claim, null, null);
    } catch (ApiException e) {
      check(e.getCode() == 409, "status " + e.getCode());
      return client.getObjectMapper().readValue(e.getResponseBody(), ClaimRefusalProblem.class);
    }
    throw new AssertionError("the claim was not refused");
  }
}
