/*
 * problems.js: the switchable UX problems of the demo shop (see DOM-CONTRACT.md).
 *
 * The recorder sets window.__SIFT_PROBLEMS__ (an array of problem ids, possibly undefined: then none)
 * before any page script runs. shop.js asks window.SiftShopProblems at the few places where a problem
 * changes behaviour. `noisy-analytics-error` lives in each page's inline "analytics snippet", because it
 * must be an uncaught error thrown by an inline script.
 */
(function () {
  'use strict';

  var KNOWN = [
    'dead-add-to-cart',
    'vague-zip-validation',
    'slow-shipping-step',
    'confusing-shipping-help',
    'noisy-analytics-error',
  ];
  var VAGUE_ATTEMPTS_KEY = 'sift-shop-address-attempts';
  var VAGUE_MESSAGE = 'Something went wrong. Please check your details.';
  var VAGUE_FAILING_ATTEMPTS = 3;
  var SLOW_SHIPPING_MS = 6000;
  var NORMAL_SHIPPING_MS = 350;

  var requested = Array.isArray(window.__SIFT_PROBLEMS__) ? window.__SIFT_PROBLEMS__ : [];
  var active = requested.filter(function (id) {
    return KNOWN.indexOf(id) !== -1;
  });

  function isOn(id) {
    return active.indexOf(id) !== -1;
  }

  function readAttempts() {
    var n = Number(sessionStorage.getItem(VAGUE_ATTEMPTS_KEY));
    return Number.isFinite(n) ? n : 0;
  }

  window.SiftShopProblems = {
    active: active.slice(),
    isOn: isOn,

    /**
     * The variant the shopper picked. With `dead-add-to-cart` a "refactored" lookup indexes the variant
     * array by the variant's id (`variants['m']`), finds nothing, and the caller's `variant.sku` throws
     * `TypeError: Cannot read properties of undefined (reading 'sku')`.
     */
    findVariant: function (product, variantId) {
      if (isOn('dead-add-to-cart')) return product.variants[variantId];
      return (
        product.variants.find(function (variant) {
          return variant.id === variantId;
        }) || product.variants[0]
      );
    },

    /**
     * Called on every address submit (counted per browser tab). With `vague-zip-validation` the first
     * three submits fail with a vague message, whatever was typed; returns null when the normal
     * validation should decide.
     */
    addressSubmitError: function () {
      if (!isOn('vague-zip-validation')) return null;
      var attempts = readAttempts() + 1;
      sessionStorage.setItem(VAGUE_ATTEMPTS_KEY, String(attempts));
      return attempts <= VAGUE_FAILING_ATTEMPTS ? VAGUE_MESSAGE : null;
    },

    /** How long the shipping step's spinner turns before the payment step appears. */
    shippingDelayMs: function () {
      return isOn('slow-shipping-step') ? SLOW_SHIPPING_MS : NORMAL_SHIPPING_MS;
    },

    /**
     * Where `#shipping-help` leads: straight to the shipping rates normally; with
     * `confusing-shipping-help` to the general help page, which only links on (and back).
     */
    shippingHelpHref: function () {
      return isOn('confusing-shipping-help') ? '/help.html' : '/shipping-info.html';
    },
  };
})();
