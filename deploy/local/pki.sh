#!/usr/bin/env bash
# Development PKI for mutual TLS on the gateway: a Tongban CA, a server certificate for
# localhost/127.0.0.1, and one client certificate per member — an agency of a region, as X-Road's
# member subsystems: OU=<agency kind>, CN=<GB/T 2260 code>, file region-<code>-<agency>.crt — plus an
# operator's (OU=operator, CN=<id>). For tests it also makes an expired client certificate, one signed
# by a foreign CA and one naming no agency kind (OU=region). Production certificates come from the
# Tongban CA's own process.
#   deploy/local/pki.sh [dir] [region ...]       (default dir .data/pki; default regions below)
#   PKI_AGENCIES="public-security healthcare-security" deploy/local/pki.sh …   (agency kinds per region)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-$here/../../.data/pki}"
shift || true
regions=("$@")
[ ${#regions[@]} -gt 0 ] || regions=(110100 310100 320500 360100 440100 440300)
read -r -a agencies <<< "${PKI_AGENCIES:-public-security human-resources healthcare-security}"
command -v openssl >/dev/null || { echo "pki.sh: openssl is required" >&2; exit 1; }
mkdir -p "$dir" && cd "$dir"

ca() { # name subject
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.crt" -days 3650 -subj "$2" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}
leaf() { # name subject ca extfile-lines [startdate enddate]
  local name="$1" subject="$2" issuer="$3" ext="$4"
  openssl req -newkey rsa:2048 -nodes -keyout "$name.key" -out "$name.csr" -subj "$subject" 2>/dev/null
  printf '%b\n' "$ext" > "$name.ext"
  if [ $# -ge 6 ]; then
    # a certificate with an explicit validity window (used for the expired one) needs `openssl ca`
    mkdir -p "ca-$issuer.db"; : > "ca-$issuer.db/index.txt"; [ -f "ca-$issuer.db/serial" ] || echo 1000 > "ca-$issuer.db/serial"
    cat > "ca-$issuer.cnf" <<CNF
[ca]
default_ca = dev
[dev]
database = ca-$issuer.db/index.txt
serial = ca-$issuer.db/serial
new_certs_dir = ca-$issuer.db
certificate = $issuer.crt
private_key = $issuer.key
default_md = sha256
policy = any
copy_extensions = none
[any]
organizationName = optional
organizationalUnitName = optional
commonName = supplied
CNF
    openssl ca -batch -config "ca-$issuer.cnf" -in "$name.csr" -out "$name.crt" -startdate "$5" -enddate "$6" -extfile "$name.ext" -notext 2>/dev/null
  else
    openssl x509 -req -in "$name.csr" -CA "$issuer.crt" -CAkey "$issuer.key" -CAcreateserial -out "$name.crt" -days 825 -sha256 -extfile "$name.ext" 2>/dev/null
  fi
  rm -f "$name.csr" "$name.ext"
}

client_ext='basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth'
[ -f ca.crt ] || ca ca "/O=Tongban/CN=Tongban Development CA"
[ -f server.crt ] || leaf server "/O=Tongban/CN=localhost" ca 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1'
for r in "${regions[@]}"; do
  for a in "${agencies[@]}"; do [ -f "region-$r-$a.crt" ] || leaf "region-$r-$a" "/O=Tongban/OU=$a/CN=$r" ca "$client_ext"; done
done
[ -f operator.crt ] || leaf operator "/O=Tongban/OU=operator/CN=dev-operator" ca "$client_ext"
[ -f expired-440100.crt ] || leaf expired-440100 "/O=Tongban/OU=public-security/CN=440100" ca "$client_ext" 20200101000000Z 20200201000000Z
[ -f foreign-ca.crt ] || ca foreign-ca "/O=Somebody Else/CN=Foreign CA"
[ -f foreign-440100.crt ] || leaf foreign-440100 "/O=Tongban/OU=public-security/CN=440100" foreign-ca "$client_ext"
[ -f noagency-440100.crt ] || leaf noagency-440100 "/O=Tongban/OU=region/CN=440100" ca "$client_ext"
chmod 600 ./*.key
echo "pki.sh: certificates in $(pwd)"
