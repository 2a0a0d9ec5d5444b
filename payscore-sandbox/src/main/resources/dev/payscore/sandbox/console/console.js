// The sandbox console: polls the control API with the token from the URL fragment (never sent to a server).
'use strict';
(function () {
  var token = (/(?:^#|&)token=([0-9A-Fa-f]+)/.exec(location.hash) || [])[1];
  var api = location.pathname.replace(/[^/]*$/, '') + 'api/';
  var STATES = {CREATED: '待确认 Created', USER_ACCEPTED: '已确认 Accepted', FINISHED: '已完结 Finished',
    USER_PAID: '已支付 Paid', REVOKED: '已取消 Revoked'};
  var lastOrders = '', lastSeq = 0, info = {}, confirming = null, orders = [];
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function yuan(fen) { return fen === undefined || fen === null ? '—' : '¥' + (fen / 100).toFixed(2); }
  function call(method, path, body) {
    var init = {method: method, headers: {'X-Sandbox-Token': token}};
    if (method === 'POST') {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body || {});
    }
    return fetch(api + path, init).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(r.status + ' ' + j.code + ': ' + j.message);
        return j;
      });
    });
  }
  function say(text, bad) { $('status').textContent = text; $('status').className = bad ? 'status problem' : 'status'; }
  function act(no, action, label) {
    return call('POST', 'orders/' + encodeURIComponent(no) + '/' + action).then(function (r) {
      say(label + ' ✓ ' + no + (r.receiver_status ? ' → ' + r.receiver_status : ''));
      return poll();
    }, function (e) { say(label + ' ✗ ' + e.message, true); });
  }
  function button(text, action, no, cls) {
    var b = el('button', cls, text);
    b.setAttribute('data-action', action);
    b.setAttribute('data-order', no);
    return b;
  }
  function row(dl, term, value) { dl.appendChild(el('dt', '', term)); dl.appendChild(el('dd', '', value)); }
  function renderOrder(o) {
    var card = el('div', 'order');
    card.setAttribute('data-order', o.out_order_no);
    var h = el('h3', '', o.out_order_no + ' ');
    var s = el('span', 'state ' + o.state, STATES[o.state] || o.state);
    s.setAttribute('data-state', o.state);
    h.appendChild(s);
    card.appendChild(h);
    var dl = el('dl');
    if (o.service_introduction) row(dl, '服务 Service', o.service_introduction);
    if (o.risk_amount !== undefined) row(dl, '风险金额 Risk amount', yuan(o.risk_amount));
    (o.fees || []).forEach(function (f) {
      row(dl, '费用 Fee', f.fee_name + (f.fee_amount !== undefined ? ' ' + yuan(f.fee_amount) : '')
        + (f.fee_count ? ' ×' + f.fee_count : '') + (f.fee_desc ? ' · ' + f.fee_desc : ''));
    });
    (o.discounts || []).forEach(function (d) {
      row(dl, '优惠 Discount', d.discount_name + (d.discount_amount !== undefined ? ' −' + yuan(d.discount_amount) : '')
        + (d.discount_desc ? ' · ' + d.discount_desc : ''));
    });
    if (o.total_amount !== undefined) row(dl, '总金额 Total', yuan(o.total_amount));
    if (o.finish_ticket) row(dl, '完结凭证 Finish ticket', o.finish_ticket);
    if (o.pay_succ_time) row(dl, '支付时间 Paid at', o.pay_succ_time);
    row(dl, '微信订单号 Order id', o.order_id);
    card.appendChild(dl);
    if (o.state === 'CREATED') {
      card.appendChild(button('确认订单 Confirm', 'accept', o.out_order_no, 'primary'));
      card.appendChild(button('让其过期 Let it expire', 'expire', o.out_order_no));
    }
    if (o.state === 'FINISHED') card.appendChild(button('支付 Pay', 'pay', o.out_order_no, 'primary'));
    if (o.state === 'USER_ACCEPTED' || o.state === 'FINISHED' || o.state === 'USER_PAID') {
      card.appendChild(button('重发通知 Resend notification', 'notify', o.out_order_no));
    }
    return card;
  }
  function showConfirm(no) {
    var o = orders.filter(function (x) { return x.out_order_no === no; })[0];
    if (!o) return;
    confirming = no;
    $('confirm-merchant').textContent = info.merchant_name || '';
    $('confirm-intro').textContent = o.service_introduction || '';
    $('confirm-risk').textContent = o.risk_amount !== undefined ? yuan(o.risk_amount) : '—';
    $('confirm-order').textContent = no;
    $('confirm').hidden = false;
    $('confirm').scrollIntoView();
  }
  function poll() {
    return Promise.all([call('GET', 'orders'), call('GET', 'requests?after=' + lastSeq)]).then(function (r) {
      var text = JSON.stringify(r[0].orders);
      if (text !== lastOrders) {
        lastOrders = text;
        orders = r[0].orders;
        var box = $('orders');
        box.textContent = '';
        if (!orders.length) box.appendChild(el('p', 'empty', '暂无订单 · No orders yet'));
        orders.forEach(function (o) { box.appendChild(renderOrder(o)); });
      }
      if (r[1].count < lastSeq) { lastSeq = 0; $('log').textContent = ''; return poll(); }
      r[1].requests.forEach(function (q) {
        lastSeq = q.sequence;
        var li = el('li');
        li.setAttribute('data-sequence', q.sequence);
        li.appendChild(el('span', q.status >= 200 && q.status < 300 ? 'ok' : 'bad', (q.status || '—') + ' '));
        li.appendChild(document.createTextNode(q.method + ' ' + q.path + ' '));
        li.appendChild(el('span', q.signature_verified ? 'ok' : 'bad',
          q.signature_verified ? '签名✓ signed' : '签名✗ unverified'));
        li.appendChild(document.createTextNode(' ' + q.request_id));
        if (q.body) li.appendChild(el('pre', '', q.body + (q.body_truncated ? ' …' : '')));
        $('log').insertBefore(li, $('log').firstChild);
      });
      $('count').textContent = '(' + r[1].count + ')';
      $('problem').hidden = true;
    }, function (e) { $('problem').textContent = e.message; $('problem').hidden = false; });
  }
  window.addEventListener('hashchange', function () { location.reload(); });
  document.addEventListener('DOMContentLoaded', function () {
    if (!token) {
      $('problem').textContent = 'URL 缺少 #token=… · The URL lacks #token=… (use the console URL the sandbox printed)';
      $('problem').hidden = false;
      return;
    }
    $('orders').addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (!b) return;
      var no = b.getAttribute('data-order'), action = b.getAttribute('data-action');
      if (action === 'accept') showConfirm(no);
      else act(no, action, b.textContent);
    });
    $('confirm-yes').addEventListener('click', function () {
      $('confirm').hidden = true;
      act(confirming, 'accept', '确认 Confirm');
    });
    $('confirm-no').addEventListener('click', function () { $('confirm').hidden = true; });
    $('inject').addEventListener('click', function () {
      call('POST', 'faults', {fault: $('fault').value, millis: 3000}).then(function (r) {
        say('故障已注入 Fault queued: ' + r.fault);
      }, function (e) { say(e.message, true); });
    });
    $('reset').addEventListener('click', function () {
      call('POST', 'reset').then(function () { lastOrders = ''; say('已重置 Reset'); return poll(); });
    });
    call('GET', 'info').then(function (i) {
      info = i;
      $('info').textContent = '商户号 mchid ' + i.mchid + ' · ' + i.url + ' · 通知 notify: ' + (i.notify_url || '—');
      i.faults.forEach(function (f) { $('fault').appendChild(el('option', '', f)); });
    }, function (e) { $('problem').textContent = e.message; $('problem').hidden = false; });
    poll();
    setInterval(poll, 1000);
  });
})();
