// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Preloaded into the peer gateways (node --require) so that a server that listens without a
// host, which Node binds to every interface, listens on 127.0.0.1 instead. bench/run also runs
// them in a network namespace with only the loopback interface; this keeps them on loopback
// where that namespace cannot be made.
'use strict';
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    if (first.path === undefined && (first.host === undefined || first.host === '0.0.0.0' || first.host === '::')) {
      args[0] = { ...first, host: '127.0.0.1' };
    }
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const second = args[1];
    if (typeof second !== 'string' || second === '0.0.0.0' || second === '::') {
      if (typeof second === 'string') args[1] = '127.0.0.1';
      else args.splice(1, 0, '127.0.0.1');
    }
  }
  return listen.apply(this, args);
};
