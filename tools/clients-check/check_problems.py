"""Proof that a freshly generated Python client (openapi-generator, contracts/generators/python.yaml)
keeps the facts of a 409: the generated LedgerApi calls a stand-in gateway that answers the contract's
recorded problems (argv[1], a JSON file {code: body}), and the typed exception must carry every member.
Run by tools/clients-check.sh with the generated package on PYTHONPATH."""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from tongban_client import ApiClient, Configuration, LedgerApi, ProvisionClaimRequest
from tongban_client.exceptions import ConflictException
from tongban_client.models.problem_already_claimed import ProblemAlreadyClaimed
from tongban_client.models.problem_not_responsible import ProblemNotResponsible

recorded = json.load(open(sys.argv[1], encoding="utf-8"))
answers = [recorded["not-responsible"], recorded["already-claimed"]]


class Gateway(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("content-length", 0)))
        assert self.path == "/v1/provision-claims", self.path
        assert self.headers.get("authorization") == "Bearer dev-token-440100-veterans-affairs"
        body = json.dumps(answers.pop(0)).encode()
        self.send_response(409)
        self.send_header("content-type", "application/problem+json; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Gateway)
threading.Thread(target=server.serve_forever, daemon=True).start()
config = Configuration(host=f"http://127.0.0.1:{server.server_port}", access_token="dev-token-440100-veterans-affairs")
api = LedgerApi(ApiClient(config))
claim = ProvisionClaimRequest(subject_ref="s1_" + "A" * 32, service_code="veterans.preferential-care", period_key="2026-11")


def refusal():
    try:
        api.claim_provision(claim)
    except ConflictException as e:
        return e.data.actual_instance
    raise AssertionError("the claim was not refused")


nr = refusal()
want = recorded["not-responsible"]
assert isinstance(nr, ProblemNotResponsible), type(nr)
assert nr.code == "not-responsible" and nr.status == 409
assert nr.responsible_region == want["responsibleRegion"], nr
assert nr.service_code == want["serviceCode"], nr
assert nr.since.isoformat().startswith(want["since"][:19]), nr.since
assert nr.period_start.isoformat() == want["periodStart"], nr.period_start

ac = refusal()
want = recorded["already-claimed"]
assert isinstance(ac, ProblemAlreadyClaimed), type(ac)
assert ac.claimed_by == want["claimedBy"] and str(ac.claim_id) == want["claimId"], ac
assert ac.claimed_at.isoformat().startswith(want["claimedAt"][:19]), ac.claimed_at
server.shutdown()
print("python: the generated client keeps not-responsible (responsibleRegion, since, serviceCode, periodStart) "
      "and already-claimed (claimedBy, claimId, claimedAt)")
