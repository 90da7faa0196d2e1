#!/usr/bin/env python3
"""An inference service on `mreg serve`'s HTTP API, with the Python standard library only.

The Python registry this project replaces documented a Flask service that loaded the latest
production model in-process (/predict, /models/current, /models/compare, /models/reload). This is
the same service against the HTTP API: it resolves the stage holder, downloads the artifact while
hashing it, refuses bytes whose SHA-256 is not the recorded one, and reloads as soon as the
registry's event stream says the stage changed.

    python3 service.py --registry-url http://127.0.0.1:8080 --model-type isolation_forest

The model file is JSON, {"weights": [...], "bias": b}: a logistic scorer standing in for a real
model, so the example needs nothing beyond the standard library.
"""
import argparse
import hashlib
import json
import math
import os
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Registry:
    """The few calls of the registry's HTTP API this service needs."""

    def __init__(self, url, token=None):
        self.url = url.rstrip("/")
        self.token = token

    def _request(self, path, headers=None):
        request = urllib.request.Request(self.url + path, headers=dict(headers or {}))
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        return request

    def get_json(self, path):
        with urllib.request.urlopen(self._request(path), timeout=10) as response:
            return json.load(response)

    def resolve(self, **criteria):
        query = urllib.parse.urlencode({k: v for k, v in criteria.items() if v is not None})
        return self.get_json("/api/v1/resolve?" + query)

    def version(self, ref):
        return self.get_json("/api/v1/versions/" + urllib.parse.quote(ref, safe=""))

    def compare(self, refs):
        return self.get_json("/api/v1/compare?" + urllib.parse.urlencode([("ref", r) for r in refs]))

    def download(self, version, directory):
        """Streams the artifact to a file, hashing as it goes; raises unless the SHA-256 matches."""
        path = "/api/v1/versions/%s/artifact" % urllib.parse.quote(version["model_id"], safe="")
        digest = hashlib.sha256()
        fd, target = tempfile.mkstemp(dir=directory, prefix=".download-")
        try:
            with os.fdopen(fd, "wb") as out, urllib.request.urlopen(self._request(path), timeout=60) as response:
                while True:
                    chunk = response.read(1 << 20)
                    if not chunk:
                        break
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != version["checksum"]:
                raise ValueError("artifact of %s hashes to %s, not the recorded %s"
                                 % (version["model_id"], digest.hexdigest(), version["checksum"]))
            return target
        except BaseException:
            os.unlink(target)
            raise

    def events(self, last_event_id=None):
        """Yields (id, kind, change) from the Server-Sent Events stream until it ends."""
        headers = {"Accept": "text/event-stream"}
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        with urllib.request.urlopen(self._request("/api/v1/events", headers), timeout=None) as response:
            event_id, kind, data = None, None, []
            for raw in response:
                line = raw.decode("utf-8").rstrip("\r\n")
                if line == "":
                    if data:
                        yield event_id, kind, json.loads("\n".join(data))
                    event_id, kind, data = None, None, []
                elif line.startswith(":"):
                    continue
                else:
                    field, _, value = line.partition(":")
                    value = value[1:] if value.startswith(" ") else value
                    if field == "id":
                        event_id = value
                    elif field == "event":
                        kind = value
                    elif field == "data":
                        data.append(value)


class LoadedModel:
    def __init__(self, version, path):
        with open(path, encoding="utf-8") as f:
            spec = json.load(f)
        self.version = version
        self.weights = [float(w) for w in spec["weights"]]
        self.bias = float(spec.get("bias", 0.0))

    def predict(self, rows):
        return [1.0 / (1.0 + math.exp(-(sum(w * x for w, x in zip(self.weights, row)) + self.bias))) for row in rows]


class Service:
    def __init__(self, registry, criteria, workdir):
        self.registry = registry
        self.criteria = criteria
        self.workdir = workdir
        self.lock = threading.Lock()
        self.model = None

    def reload(self):
        """Loads the current holder of the criteria; a no-op when it is already loaded."""
        version = self.registry.resolve(**self.criteria)
        with self.lock:
            if self.model and self.model.version["model_id"] == version["model_id"]:
                return self.model.version
        path = self.registry.download(version, self.workdir)
        try:
            model = LoadedModel(version, path)
        finally:
            os.unlink(path)
        with self.lock:
            self.model = model
        print("loaded %s@%s (%s)" % (version["name"], version["version"], version["model_id"]), flush=True)
        return version

    def follow_events(self):
        """Reloads on every change of the registry; reconnects (resuming) when the stream drops."""
        last = None
        while True:
            try:
                for event_id, _kind, _change in self.registry.events(last):
                    last = event_id
                    try:
                        self.reload()
                    except (urllib.error.URLError, ValueError) as error:
                        print("reload failed, keeping the loaded model: %s" % error, file=sys.stderr, flush=True)
            except (urllib.error.URLError, OSError, ValueError) as error:
                print("event stream: %s; reconnecting" % error, file=sys.stderr, flush=True)
            time.sleep(1)


def handler_for(service):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self, status, body):
            data = json.dumps(body).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return json.loads(self.rfile.read(length) or b"{}")

        def guarded(self, run):
            try:
                self.answer(200, run())
            except urllib.error.HTTPError as error:
                self.answer(error.code, json.load(error))
            except (KeyError, TypeError, ValueError) as error:
                self.answer(400, {"error": {"kind": "invalid-input", "message": str(error)}})

        def do_GET(self):
            if self.path == "/models/current":
                model = service.model
                if model is None:
                    return self.answer(503, {"error": {"kind": "unavailable", "message": "no model loaded"}})
                return self.guarded(lambda: service.registry.version(model.version["model_id"]))
            self.answer(404, {"error": {"kind": "not-found", "message": "no route " + self.path}})

        def do_POST(self):
            if self.path == "/predict":
                def predict():
                    model = service.model
                    return {"anomaly_scores": model.predict(self.body()["features"]),
                            "model_id": model.version["model_id"], "version": model.version["version"]}
                return self.guarded(predict)
            if self.path == "/models/compare":
                return self.guarded(lambda: service.registry.compare(self.body()["model_ids"]))
            if self.path == "/models/reload":
                return self.guarded(lambda: {"status": "reloaded", "version": service.reload()["version"]})
            self.answer(404, {"error": {"kind": "not-found", "message": "no route " + self.path}})

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--registry-url", default=os.environ.get("MREG_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--token", default=os.environ.get("MREG_SERVE_TOKEN"))
    parser.add_argument("--name")
    parser.add_argument("--model-type")
    parser.add_argument("--stage", default="production")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()

    registry = Registry(args.registry_url, args.token)
    criteria = {"name": args.name, "type": args.model_type, "stage": args.stage}
    with tempfile.TemporaryDirectory(prefix="model-service-") as workdir:
        service = Service(registry, criteria, workdir)
        service.reload()
        threading.Thread(target=service.follow_events, daemon=True).start()
        server = ThreadingHTTPServer((args.host, args.port), handler_for(service))
        print("listening on %d" % server.server_address[1], flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
