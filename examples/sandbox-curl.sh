#!/usr/bin/env bash
# The pay-after flow against `payscore sandbox` with only curl, openssl and jq: what a PHP, Go or Node
# application does, by hand. Start the sandbox first and keep its JSON:
#   java -jar payscore-cli.jar sandbox --json --keys-dir keys --notify-url http://127.0.0.1:8000/notify > sandbox.json &
set -euo pipefail
S=${1:-sandbox.json}
URL=$(jq -r .url "$S"); MCHID=$(jq -r .mchid "$S"); SERIAL=$(jq -r .merchant_serial "$S")
KEY=$(jq -r .merchant_private_key_file "$S"); TOKEN=$(jq -r .control_token "$S")
PUB_KEY_ID=$(jq -r .wechatpay_public_key_id "$S")
NO=CURL$(date +%s)

# One signed WeChat Pay call: Authorization over "METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n".
wechatpay() { # METHOD PATH [BODY]
  local ts nonce sig
  ts=$(date +%s); nonce=$(openssl rand -hex 16)
  sig=$(printf '%s\n%s\n%s\n%s\n%s\n' "$1" "$2" "$ts" "$nonce" "${3:-}" | openssl dgst -sha256 -sign "$KEY" | openssl base64 -A)
  curl -sS -X "$1" "${URL%/}$2" -H 'Accept: application/json' -H 'Content-Type: application/json' -H 'User-Agent: curl' -H "Wechatpay-Serial: $PUB_KEY_ID" \
    -H "Authorization: WECHATPAY2-SHA256-RSA2048 mchid=\"$MCHID\",nonce_str=\"$nonce\",signature=\"$sig\",timestamp=\"$ts\",serial_no=\"$SERIAL\"" \
    ${3:+--data-binary "$3"}
  echo
}
# One control call: the token, and JSON for a POST.
control() { # PATH
  curl -sS -X POST "${URL}_sandbox/api/$1" -H "X-Sandbox-Token: $TOKEN" -H 'Content-Type: application/json' -d '{}'
  echo
}

wechatpay POST /v3/payscore/payafter-orders "{\"appid\":\"wxd678efh567hg6787\",\"out_order_no\":\"$NO\",\"service_id\":\"500001\",\"service_start_time\":\"OnAccept\",\"service_introduction\":\"停车服务\",\"fees\":[{\"fee_name\":\"停车费\",\"fee_desc\":\"每小时2元\"}],\"risk_amount\":50000,\"need_user_confirm\":true}"
control "orders/$NO/accept"    # the user confirms: PAYSCORE.USER_ACCEPTED goes to the notify URL
wechatpay POST "/v3/payscore/payafter-orders/$NO/complete" '{"appid":"wxd678efh567hg6787","service_id":"500001","finish_type":2,"total_amount":400,"fees":[{"fee_name":"停车费","fee_amount":400}]}'
control "orders/$NO/pay"       # the user pays: PAYSCORE.USER_PAID goes to the notify URL
wechatpay GET "/v3/payscore/payafter-orders?out_order_no=$NO&service_id=500001&appid=wxd678efh567hg6787"
