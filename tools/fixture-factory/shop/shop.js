/*
 * shop.js: Northwind Outfitters' page behaviour. Loaded last on every page, after capture.js (analytics)
 * and problems.js (the switchable problems). The cart lives in localStorage (`sift-shop-cart`); the
 * checkout's progress in sessionStorage, so it survives a visit to the help pages.
 */
(function () {
  'use strict';

  var CART_KEY = 'sift-shop-cart';
  var CHECKOUT_KEY = 'sift-shop-checkout';
  var ORDER_KEY = 'sift-shop-last-order';
  var ACCOUNT_KEY = 'sift-shop-account';
  var FREE_SHIPPING_FROM = 75;
  var SHIPPING = {
    standard: { label: 'Standard', price: 5.95, days: '5–7 business days' },
    express: { label: 'Express', price: 14.95, days: '1–2 business days' },
  };
  var PAYMENT_PROCESSING_MS = 1200;

  var problems = window.SiftShopProblems || {
    isOn: function () {
      return false;
    },
    findVariant: function (product, variantId) {
      return (
        product.variants.find(function (variant) {
          return variant.id === variantId;
        }) || product.variants[0]
      );
    },
    addressSubmitError: function () {
      return null;
    },
    shippingDelayMs: function () {
      return 350;
    },
    shippingHelpHref: function () {
      return '/shipping-info.html';
    },
  };

  function track(name, properties) {
    if (typeof window.siftCapture === 'function') window.siftCapture(name, properties);
  }

  // ---------------------------------------------------------------- catalogue data

  var ART = {
    backpack:
      '<svg viewBox="0 0 240 200" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">' +
      '<ellipse cx="120" cy="184" rx="64" ry="8" fill="rgba(0,0,0,.12)"/>' +
      '<path d="M98 44 q22 -30 44 0" stroke="#1f4a3c" stroke-width="9" fill="none" stroke-linecap="round"/>' +
      '<rect x="66" y="74" width="14" height="78" rx="7" fill="#1f4a3c"/>' +
      '<rect x="160" y="74" width="14" height="78" rx="7" fill="#1f4a3c"/>' +
      '<rect x="76" y="40" width="88" height="142" rx="30" fill="#2f7d63"/>' +
      '<path d="M76 78 q44 -26 88 0 v-8 q0 -30 -30 -30 h-28 q-30 0 -30 30z" fill="#3f9a7b"/>' +
      '<rect x="90" y="104" width="60" height="58" rx="14" fill="#266a53"/>' +
      '<path d="M98 120 h44" stroke="#f2b33d" stroke-width="4" stroke-linecap="round"/>' +
      '<circle cx="142" cy="120" r="4" fill="#f2b33d"/>' +
      '<rect x="108" y="60" width="24" height="8" rx="4" fill="#f2b33d"/>' +
      '<path d="M84 92 v70 M156 92 v70" stroke="#23574a" stroke-width="3" stroke-dasharray="5 5"/>' +
      '</svg>',
    jacket:
      '<svg viewBox="0 0 240 200" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">' +
      '<ellipse cx="120" cy="186" rx="70" ry="8" fill="rgba(0,0,0,.12)"/>' +
      '<path d="M90 34 L120 46 L150 34 L182 50 L202 130 L178 138 L164 92 L164 176 L76 176 L76 92 L62 138 L38 130 L58 50 Z" fill="#e2773a"/>' +
      '<path d="M90 34 Q120 16 150 34 L142 52 Q120 42 98 52 Z" fill="#b95320"/>' +
      '<path d="M76 100 H164 M76 124 H164 M76 148 H164 M58 84 L70 80 M182 84 L170 80" stroke="#c85f26" stroke-width="3"/>' +
      '<path d="M120 46 V176" stroke="#6f2f10" stroke-width="4"/>' +
      '<rect x="88" y="134" width="22" height="4" rx="2" fill="#6f2f10"/>' +
      '<rect x="130" y="134" width="22" height="4" rx="2" fill="#6f2f10"/>' +
      '<circle cx="120" cy="52" r="4" fill="#f2d6c2"/>' +
      '</svg>',
    boots:
      '<svg viewBox="0 0 240 200" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">' +
      '<ellipse cx="124" cy="180" rx="84" ry="8" fill="rgba(0,0,0,.12)"/>' +
      '<path d="M70 36 H126 V112 Q126 120 136 123 L186 136 Q204 141 204 160 V166 H66 Z" fill="#8a5a35"/>' +
      '<path d="M66 150 H204 V166 H66 Z" fill="#6b4226"/>' +
      '<rect x="60" y="164" width="150" height="14" rx="6" fill="#2b2b2b"/>' +
      '<path d="M64 178 h10 M84 178 h10 M104 178 h10 M124 178 h10 M144 178 h10 M164 178 h10 M184 178 h10" stroke="#111" stroke-width="3"/>' +
      '<rect x="66" y="30" width="64" height="14" rx="7" fill="#5a361e"/>' +
      '<path d="M150 128 Q170 132 176 150 H140 Z" fill="#a8744a"/>' +
      '<path d="M110 52 l16 6 M110 68 l16 6 M110 84 l16 6 M110 100 l16 6" stroke="#f2b33d" stroke-width="4" stroke-linecap="round"/>' +
      '<circle cx="108" cy="52" r="3" fill="#d8c4a8"/><circle cx="108" cy="68" r="3" fill="#d8c4a8"/>' +
      '<circle cx="108" cy="84" r="3" fill="#d8c4a8"/><circle cx="108" cy="100" r="3" fill="#d8c4a8"/>' +
      '</svg>',
    tent:
      '<svg viewBox="0 0 240 200" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">' +
      '<ellipse cx="120" cy="176" rx="100" ry="9" fill="rgba(0,0,0,.12)"/>' +
      '<path d="M120 30 V20" stroke="#555" stroke-width="4" stroke-linecap="round"/>' +
      '<path d="M30 172 L120 30 L210 172 Z" fill="#f0b429"/>' +
      '<path d="M120 30 L168 172 L210 172 Z" fill="#d99a12"/>' +
      '<path d="M120 74 L92 172 H148 Z" fill="#3d3214"/>' +
      '<path d="M120 74 L106 172 H120 Z" fill="#5b4a1f"/>' +
      '<path d="M30 172 L14 180 M210 172 L226 180 M75 101 L40 150 M165 101 L200 150" stroke="#777" stroke-width="2"/>' +
      '<path d="M120 30 L75 101 M120 30 L165 101" stroke="#b77f0c" stroke-width="3"/>' +
      '</svg>',
    bottle:
      '<svg viewBox="0 0 240 200" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">' +
      '<ellipse cx="120" cy="184" rx="46" ry="7" fill="rgba(0,0,0,.12)"/>' +
      '<path d="M108 26 q12 -16 24 0" stroke="#24344d" stroke-width="6" fill="none"/>' +
      '<rect x="100" y="24" width="40" height="22" rx="6" fill="#24344d"/>' +
      '<rect x="104" y="44" width="32" height="12" fill="#8ea3bd"/>' +
      '<rect x="88" y="54" width="64" height="128" rx="18" fill="#3b7dd8"/>' +
      '<rect x="88" y="104" width="64" height="30" fill="#2a5fae"/>' +
      '<path d="M100 114 l8 -6 l8 8 l8 -10 l10 12" stroke="#cfe0f7" stroke-width="3" fill="none" stroke-linejoin="round"/>' +
      '<rect x="97" y="64" width="8" height="104" rx="4" fill="rgba(255,255,255,.35)"/>' +
      '</svg>',
    headlamp:
      '<svg viewBox="0 0 240 200" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">' +
      '<path d="M120 126 L44 196 H196 Z" fill="rgba(255,226,120,.45)"/>' +
      '<ellipse cx="120" cy="92" rx="78" ry="40" fill="none" stroke="#34383d" stroke-width="14"/>' +
      '<ellipse cx="120" cy="92" rx="78" ry="40" fill="none" stroke="#e2773a" stroke-width="3" stroke-dasharray="8 10"/>' +
      '<rect x="88" y="98" width="64" height="50" rx="14" fill="#e2773a"/>' +
      '<rect x="88" y="98" width="64" height="12" rx="6" fill="#c85f26"/>' +
      '<circle cx="120" cy="126" r="16" fill="#fff6c7" stroke="#b95320" stroke-width="4"/>' +
      '<circle cx="114" cy="120" r="5" fill="#fff"/>' +
      '<rect x="142" y="104" width="6" height="4" rx="2" fill="#6f2f10"/>' +
      '</svg>',
  };

  var PRODUCTS = [
    {
      id: 1,
      name: 'Trailblazer 35L Backpack',
      category: 'Packs',
      price: 129,
      rating: 4.7,
      reviews: 212,
      art: 'backpack',
      background: 'linear-gradient(160deg, #e3f1ea, #cfe6da)',
      tag: 'Bestseller',
      tagline: 'A ventilated daypack for long trail days.',
      description:
        'Our most-loved pack: a 35-litre, top-loading daypack with a ventilated mesh back panel, ' +
        'hip-belt pockets and a rain cover tucked into the base.',
      features: ['Recycled 210D ripstop nylon', 'Fits a 3 L hydration bladder', 'Weighs only 1.1 kg'],
      variantLabel: 'Colour',
      variants: [
        { id: 'forest', label: 'Forest green', sku: 'NW-BP35-FOR' },
        { id: 'slate', label: 'Slate grey', sku: 'NW-BP35-SLT' },
      ],
    },
    {
      id: 2,
      name: 'Summit Down Jacket',
      category: 'Apparel',
      price: 219,
      rating: 4.8,
      reviews: 148,
      art: 'jacket',
      background: 'linear-gradient(160deg, #fdeee3, #f8dcc8)',
      tag: 'New',
      tagline: '800-fill down that packs into its own pocket.',
      description:
        'Responsibly sourced 800-fill down in a water-repellent shell. Warm enough for alpine ' +
        'mornings, light enough to forget in your pack.',
      features: ['800-fill RDS-certified down', 'Packs into its chest pocket', 'Water-repellent finish'],
      variantLabel: 'Size',
      variants: [
        { id: 's', label: 'S', sku: 'NW-SDJ-S' },
        { id: 'm', label: 'M', sku: 'NW-SDJ-M' },
        { id: 'l', label: 'L', sku: 'NW-SDJ-L' },
        { id: 'xl', label: 'XL', sku: 'NW-SDJ-XL' },
      ],
    },
    {
      id: 3,
      name: 'Ridgeline Hiking Boots',
      category: 'Footwear',
      price: 159,
      rating: 4.6,
      reviews: 321,
      art: 'boots',
      background: 'linear-gradient(160deg, #f4ebe1, #e8d8c4)',
      tag: null,
      tagline: 'Waterproof leather boots with a grippy sole.',
      description:
        'Full-grain leather uppers, a waterproof breathable membrane and a deep-lug sole that bites ' +
        'into wet rock and loose scree alike.',
      features: ['Waterproof membrane', 'Vibram-style lugged outsole', 'Resoleable construction'],
      variantLabel: 'Size (EU)',
      variants: [
        { id: 'eu40', label: '40', sku: 'NW-RHB-40' },
        { id: 'eu41', label: '41', sku: 'NW-RHB-41' },
        { id: 'eu42', label: '42', sku: 'NW-RHB-42' },
        { id: 'eu43', label: '43', sku: 'NW-RHB-43' },
        { id: 'eu44', label: '44', sku: 'NW-RHB-44' },
      ],
    },
    {
      id: 4,
      name: 'Alpine 2-Person Tent',
      category: 'Camping',
      price: 289,
      rating: 4.5,
      reviews: 97,
      art: 'tent',
      background: 'linear-gradient(160deg, #fdf5dc, #f6e6b3)',
      tag: null,
      tagline: 'A freestanding, three-season tent for two.',
      description:
        'Two doors, two vestibules and a pitch time under five minutes. Aluminium poles and a ' +
        'silicone-coated fly keep the weight down to 1.9 kg.',
      features: ['Freestanding, 5-minute pitch', 'Two doors and vestibules', 'Trail weight 1.9 kg'],
      variantLabel: 'Edition',
      variants: [{ id: 'standard', label: 'Standard', sku: 'NW-AT2-STD' }],
    },
    {
      id: 5,
      name: 'Cascade Insulated Bottle',
      category: 'Hydration',
      price: 34,
      rating: 4.9,
      reviews: 512,
      art: 'bottle',
      background: 'linear-gradient(160deg, #e6effb, #cfdff5)',
      tag: 'Top rated',
      tagline: 'Cold for 24 hours, hot for 12.',
      description:
        'Double-wall vacuum-insulated stainless steel with a leak-proof loop cap. Dishwasher safe ' +
        'and tough enough to survive the odd tumble down the trail.',
      features: ['Double-wall vacuum insulation', 'Leak-proof loop cap', 'BPA-free, dishwasher safe'],
      variantLabel: 'Capacity',
      variants: [
        { id: 'ml750', label: '750 ml', sku: 'NW-CIB-750' },
        { id: 'l1', label: '1 litre', sku: 'NW-CIB-1000' },
      ],
    },
    {
      id: 6,
      name: 'Lumen 400 Headlamp',
      category: 'Lighting',
      price: 45,
      rating: 4.4,
      reviews: 186,
      art: 'headlamp',
      background: 'linear-gradient(160deg, #eef0f2, #dde1e5)',
      tag: null,
      tagline: '400 lumens, USB-C rechargeable.',
      description:
        'A bright, comfortable headlamp with a red night-vision mode, a lock-out switch for your pack ' +
        'and a battery that lasts a whole weekend on the medium setting.',
      features: ['400-lumen max output', 'Red night-vision mode', 'USB-C rechargeable, IPX4'],
      variantLabel: 'Edition',
      variants: [{ id: 'standard', label: 'Standard', sku: 'NW-L400-STD' }],
    },
  ];

  // ---------------------------------------------------------------- helpers

  var currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

  function money(amount) {
    return currency.format(amount);
  }

  function escapeHtml(value) {
    return String(value)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function productById(id) {
    var n = Number(id);
    return (
      PRODUCTS.find(function (product) {
        return product.id === n;
      }) || null
    );
  }

  function readJson(storage, key, fallback) {
    try {
      var raw = storage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch {
      return fallback;
    }
  }

  function writeJson(storage, key, value) {
    storage.setItem(key, JSON.stringify(value));
  }

  function stars(rating) {
    var full = Math.round(rating);
    return '★★★★★'.slice(0, full) + '☆☆☆☆☆'.slice(0, 5 - full);
  }

  function productImage(product, withTag) {
    var tag =
      withTag && product.tag ? '<span class="product-tag">' + escapeHtml(product.tag) + '</span>' : '';
    return (
      '<div class="product-image" style="background: ' +
      product.background +
      '">' +
      tag +
      ART[product.art] +
      '</div>'
    );
  }

  function productCard(product) {
    return (
      '<a class="product-card" href="/product.html?id=' +
      product.id +
      '" data-product-id="' +
      product.id +
      '">' +
      productImage(product, true) +
      '<div class="product-body">' +
      '<span class="product-category">' +
      escapeHtml(product.category) +
      '</span>' +
      '<h3 class="product-name">' +
      escapeHtml(product.name) +
      '</h3>' +
      '<p class="product-tagline">' +
      escapeHtml(product.tagline) +
      '</p>' +
      '<div class="product-meta"><span class="price">' +
      money(product.price) +
      '</span><span class="rating"><span class="stars">' +
      stars(product.rating) +
      '</span>' +
      product.rating.toFixed(1) +
      ' (' +
      product.reviews +
      ')</span></div>' +
      '</div></a>'
    );
  }

  // ---------------------------------------------------------------- cart

  function readCart() {
    var cart = readJson(localStorage, CART_KEY, []);
    return Array.isArray(cart) ? cart : [];
  }

  function writeCart(cart) {
    writeJson(localStorage, CART_KEY, cart);
    updateCartBadge(true);
  }

  function cartCount(cart) {
    return cart.reduce(function (sum, line) {
      return sum + line.quantity;
    }, 0);
  }

  function cartSubtotal(cart) {
    return cart.reduce(function (sum, line) {
      return sum + line.price * line.quantity;
    }, 0);
  }

  function shippingCost(method, subtotal) {
    if (method === 'express') return SHIPPING.express.price;
    return subtotal >= FREE_SHIPPING_FROM || subtotal === 0 ? 0 : SHIPPING.standard.price;
  }

  function addToCart(product, variant, quantity) {
    var cart = readCart();
    var existing = cart.find(function (line) {
      return line.sku === variant.sku;
    });
    if (existing) {
      existing.quantity += quantity;
    } else {
      cart.push({
        sku: variant.sku,
        productId: product.id,
        variantId: variant.id,
        variantLabel: variant.label,
        name: product.name,
        price: product.price,
        quantity: quantity,
      });
    }
    writeCart(cart);
    return cart;
  }

  function updateCartBadge(bump) {
    var badge = byId('cart-count');
    if (!badge) return;
    var count = cartCount(readCart());
    badge.textContent = String(count);
    badge.setAttribute('data-count', String(count));
    var link = byId('nav-cart');
    if (link) link.setAttribute('aria-label', 'Cart, ' + count + (count === 1 ? ' item' : ' items'));
    if (bump) {
      badge.classList.add('bump');
      setTimeout(function () {
        badge.classList.remove('bump');
      }, 200);
    }
  }

  // ---------------------------------------------------------------- common page chrome

  function markCurrentNav(page) {
    var navFor = { catalogue: 'nav-home', cart: 'nav-cart', account: 'nav-account', help: 'nav-help' };
    var link = byId(navFor[page] || '');
    if (link) link.setAttribute('aria-current', 'page');
  }

  // ---------------------------------------------------------------- pages

  function initCatalogue() {
    var grid = byId('product-grid');
    if (grid) grid.innerHTML = PRODUCTS.map(productCard).join('');
  }

  function initSearch() {
    var query = (new URLSearchParams(location.search).get('q') || '').trim();
    var input = byId('search-input');
    if (input) input.value = query;
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var results = PRODUCTS.filter(function (product) {
      var name = product.name.toLowerCase();
      return words.every(function (word) {
        return name.indexOf(word) !== -1;
      });
    });
    var heading = byId('search-heading');
    if (heading) heading.textContent = query ? 'Results for “' + query + '”' : 'All products';
    var count = byId('search-count');
    if (count) count.textContent = results.length + (results.length === 1 ? ' product' : ' products');
    byId('search-results').innerHTML = results.map(productCard).join('');
    byId('no-results').hidden = results.length > 0;
    var noResultsQuery = byId('no-results-query');
    if (noResultsQuery) noResultsQuery.textContent = query;
    document.title = (query ? query + ' · Search' : 'Search') + ' · Northwind Outfitters';
    track('search_performed', { query: query, results: results.length });
  }

  function initProduct() {
    var product = productById(new URLSearchParams(location.search).get('id'));
    if (!product) {
      byId('product-detail').hidden = true;
      byId('product-missing').hidden = false;
      document.title = 'Product not found · Northwind Outfitters';
      return;
    }
    document.title = product.name + ' · Northwind Outfitters';
    byId('breadcrumb-category').textContent = product.category;
    byId('breadcrumb-name').textContent = product.name;
    byId('product-gallery').innerHTML = productImage(product, true);
    byId('product-category').textContent = product.category;
    byId('product-title').textContent = product.name;
    byId('product-rating').innerHTML =
      '<span class="stars">' +
      stars(product.rating) +
      '</span> ' +
      product.rating.toFixed(1) +
      ' · ' +
      product.reviews +
      ' reviews';
    byId('product-price').textContent = money(product.price);
    byId('product-description').textContent = product.description;
    byId('product-features').innerHTML = product.features
      .map(function (feature) {
        return '<li>' + escapeHtml(feature) + '</li>';
      })
      .join('');
    byId('variant-label').textContent = product.variantLabel;
    var variantSelect = byId('variant');
    variantSelect.innerHTML = product.variants
      .map(function (variant) {
        return '<option value="' + variant.id + '">' + escapeHtml(variant.label) + '</option>';
      })
      .join('');
    if (product.variants.length > 2) variantSelect.value = product.variants[1].id;
    var quantitySelect = byId('quantity');
    var notice = byId('added-notice');

    byId('add-to-cart').addEventListener('click', function () {
      // Everything visible happens after the line is built, so a failure changes nothing on screen.
      var variant = problems.findVariant(product, variantSelect.value);
      var quantity = Number(quantitySelect.value) || 1;
      var line = { sku: variant.sku, label: variant.label };
      addToCart(product, variant, quantity);
      byId('added-notice-text').textContent =
        'Added ' +
        quantity +
        ' × ' +
        product.name +
        (product.variants.length > 1 ? ' (' + line.label + ')' : '') +
        ' to your cart.';
      notice.hidden = false;
      track('product_added_to_cart', {
        product_id: product.id,
        product_name: product.name,
        price: product.price,
        quantity: quantity,
        sku: line.sku,
      });
    });

    track('product_viewed', { product_id: product.id, product_name: product.name, price: product.price });
  }

  function renderCart() {
    var cart = readCart();
    var lines = byId('cart-lines');
    var checkoutButton = byId('checkout-button');
    byId('cart-empty').hidden = cart.length > 0;
    checkoutButton.disabled = cart.length === 0;
    lines.innerHTML = cart
      .map(function (line) {
        var product = productById(line.productId);
        var sku = escapeHtml(line.sku);
        return (
          '<div class="cart-line" data-sku="' +
          sku +
          '">' +
          '<div class="cart-thumb">' +
          (product ? productImage(product, false) : '') +
          '</div>' +
          '<div><a class="cart-line-name" href="/product.html?id=' +
          line.productId +
          '">' +
          escapeHtml(line.name) +
          '</a><div class="cart-line-variant">' +
          escapeHtml(line.variantLabel) +
          ' · ' +
          money(line.price) +
          '</div></div>' +
          '<div class="qty" role="group" aria-label="Quantity">' +
          '<button type="button" class="qty-decrease" data-sku="' +
          sku +
          '" aria-label="Decrease quantity">−</button>' +
          '<span>' +
          line.quantity +
          '</span>' +
          '<button type="button" class="qty-increase" data-sku="' +
          sku +
          '" aria-label="Increase quantity">+</button></div>' +
          '<div class="cart-line-total"><div class="price">' +
          money(line.price * line.quantity) +
          '</div><button type="button" class="remove-line" data-sku="' +
          sku +
          '">Remove</button></div>' +
          '</div>'
        );
      })
      .join('');
    var subtotal = cartSubtotal(cart);
    byId('cart-item-count').textContent = cartCount(cart) + (cartCount(cart) === 1 ? ' item' : ' items');
    byId('cart-subtotal').textContent = money(subtotal);
    byId('cart-shipping').textContent =
      cart.length === 0
        ? '—'
        : subtotal >= FREE_SHIPPING_FROM
          ? 'Free'
          : 'From ' + money(SHIPPING.standard.price);
    byId('cart-total').textContent = money(subtotal + shippingCost('standard', subtotal));
  }

  function initCart() {
    renderCart();
    byId('cart-lines').addEventListener('click', function (event) {
      var button = event.target.closest('button[data-sku]');
      if (!button) return;
      var sku = button.getAttribute('data-sku');
      var cart = readCart();
      var line = cart.find(function (entry) {
        return entry.sku === sku;
      });
      if (!line) return;
      if (button.classList.contains('qty-increase')) line.quantity += 1;
      if (button.classList.contains('qty-decrease')) line.quantity -= 1;
      if (button.classList.contains('remove-line')) line.quantity = 0;
      writeCart(
        cart.filter(function (entry) {
          return entry.quantity > 0;
        }),
      );
      renderCart();
    });
    byId('checkout-button').addEventListener('click', function () {
      if (readCart().length > 0) location.href = '/checkout.html';
    });
  }

  // ---------------------------------------------------------------- checkout

  var ADDRESS_FIELDS = ['name', 'email', 'street', 'city', 'zip'];

  function readCheckout() {
    var state = readJson(sessionStorage, CHECKOUT_KEY, null);
    return state && typeof state === 'object' ? state : { step: 1, address: {}, shipping: 'standard' };
  }

  function writeCheckout(state) {
    writeJson(sessionStorage, CHECKOUT_KEY, state);
  }

  function validateAddress(values) {
    var errors = {};
    if (!values.name) errors.name = 'Please enter your full name.';
    if (!values.email) errors.email = 'Please enter your email address.';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email))
      errors.email = 'Please enter a valid email address, like jane@example.com.';
    if (!values.street) errors.street = 'Please enter your street address.';
    if (!values.city) errors.city = 'Please enter your city.';
    if (!values.zip) errors.zip = 'Please enter your ZIP code.';
    else if (!/^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/.test(values.zip))
      errors.zip = 'Please enter a valid ZIP code, like 97201.';
    return errors;
  }

  function validatePayment(values) {
    var digits = values.number.replace(/[\s-]/g, '');
    if (!digits) return { field: 'card-number', message: 'Please enter your card number.' };
    if (!/^\d{13,19}$/.test(digits))
      return { field: 'card-number', message: 'Your card number should be 13 to 19 digits.' };
    if (!values.expiry) return { field: 'card-expiry', message: 'Please enter the card’s expiry date.' };
    var match = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(values.expiry);
    var month = match ? Number(match[1]) : 0;
    if (!match || month < 1 || month > 12)
      return { field: 'card-expiry', message: 'Please enter the expiry date as MM/YY.' };
    var year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
    var now = new Date();
    if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1))
      return { field: 'card-expiry', message: 'This card has expired. Please use another card.' };
    if (!values.cvc) return { field: 'card-cvc', message: 'Please enter the 3-digit security code.' };
    if (!/^\d{3,4}$/.test(values.cvc))
      return {
        field: 'card-cvc',
        message: 'The security code is the 3 or 4 digits on the back of your card.',
      };
    return null;
  }

  function setFieldError(fieldId, message) {
    var input = byId(fieldId);
    var error = byId(fieldId + '-error');
    if (input) {
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    if (error) {
      error.textContent = message || '';
      error.hidden = !message;
    }
  }

  function showBanner(id, message) {
    var banner = byId(id);
    if (!banner) return;
    banner.textContent = message || '';
    banner.hidden = !message;
  }

  function renderCheckoutSummary(state) {
    var cart = readCart();
    var subtotal = cartSubtotal(cart);
    var shipping = state.step >= 2 ? shippingCost(state.shipping, subtotal) : null;
    byId('summary-items').innerHTML = cart
      .map(function (line) {
        var product = productById(line.productId);
        return (
          '<li><div class="cart-thumb">' +
          (product ? productImage(product, false) : '') +
          '<span class="qty-pill">' +
          line.quantity +
          '</span></div><div><strong>' +
          escapeHtml(line.name) +
          '</strong><div class="muted">' +
          escapeHtml(line.variantLabel) +
          '</div></div><span>' +
          money(line.price * line.quantity) +
          '</span></li>'
        );
      })
      .join('');
    byId('summary-subtotal').textContent = money(subtotal);
    byId('summary-shipping').textContent =
      shipping === null ? 'Next step' : shipping === 0 ? 'Free' : money(shipping);
    var total = subtotal + (shipping || 0);
    byId('summary-total').textContent = money(total);
    var payAmount = byId('pay-amount');
    if (payAmount) payAmount.textContent = money(subtotal + shippingCost(state.shipping, subtotal));
    byId('checkout-empty-cart').hidden = cart.length > 0;
    return total;
  }

  function showStep(state) {
    var forms = { 1: 'address-form', 2: 'shipping-form', 3: 'payment-form' };
    Object.keys(forms).forEach(function (step) {
      byId(forms[step]).hidden = Number(step) !== state.step;
    });
    document.querySelectorAll('.stepper-step').forEach(function (item) {
      var step = Number(item.getAttribute('data-step'));
      item.classList.toggle('is-current', step === state.step);
      item.classList.toggle('is-done', step < state.step);
      if (step === state.step) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    });
    if (state.step === 3) {
      var address = state.address || {};
      byId('review-address').textContent = [address.name, address.street, address.city + ' ' + address.zip]
        .filter(Boolean)
        .join(', ');
      byId('review-shipping').textContent =
        (SHIPPING[state.shipping] || SHIPPING.standard).label +
        ' · ' +
        (SHIPPING[state.shipping] || SHIPPING.standard).days;
    }
    renderCheckoutSummary(state);
    window.scrollTo(0, 0);
  }

  function initCheckout() {
    var state = readCheckout();
    if (!state.started) {
      state.started = true;
      writeCheckout(state);
      var cart = readCart();
      track('checkout_started', { cart_value: cartSubtotal(cart), item_count: cartCount(cart) });
    }
    state.step = [1, 2, 3].indexOf(state.step) === -1 ? 1 : state.step;

    // Restore what was typed before a visit elsewhere (e.g. the help pages).
    ADDRESS_FIELDS.forEach(function (field) {
      var value = state.address && state.address[field];
      if (value) byId(field).value = value;
    });
    var shippingInput = document.querySelector(
      'input[name=shipping][value=' + (state.shipping === 'express' ? 'express' : 'standard') + ']',
    );
    if (shippingInput) shippingInput.checked = true;
    byId('shipping-standard-price').textContent =
      shippingCost('standard', cartSubtotal(readCart())) === 0 ? 'Free' : money(SHIPPING.standard.price);
    byId('shipping-help').setAttribute('href', problems.shippingHelpHref());

    // Step 1: address.
    byId('address-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var values = {};
      ADDRESS_FIELDS.forEach(function (field) {
        values[field] = byId(field).value.trim();
      });
      var vague = problems.addressSubmitError();
      if (vague) {
        ADDRESS_FIELDS.forEach(function (field) {
          setFieldError(field, '');
        });
        showBanner('address-error', vague);
        return;
      }
      var errors = validateAddress(values);
      var firstError = null;
      ADDRESS_FIELDS.forEach(function (field) {
        setFieldError(field, errors[field]);
        if (errors[field] && !firstError) firstError = field;
      });
      if (firstError) {
        showBanner('address-error', errors[firstError]);
        byId(firstError).focus();
        return;
      }
      showBanner('address-error', '');
      state.address = values;
      state.step = 2;
      writeCheckout(state);
      track('address_submitted', {});
      showStep(state);
    });

    // Step 2: shipping.
    var shippingPending = false;
    function markSelectedOption() {
      document.querySelectorAll('input[name=shipping]').forEach(function (input) {
        input.closest('.option-card').classList.toggle('is-selected', input.checked);
      });
    }
    markSelectedOption();
    document.querySelectorAll('input[name=shipping]').forEach(function (input) {
      input.addEventListener('change', function () {
        state.shipping = input.value;
        writeCheckout(state);
        markSelectedOption();
        renderCheckoutSummary(state);
      });
    });
    byId('shipping-form').addEventListener('submit', function (event) {
      event.preventDefault();
      if (shippingPending) return;
      var selected = document.querySelector('input[name=shipping]:checked');
      state.shipping = selected ? selected.value : 'standard';
      writeCheckout(state);
      track('shipping_selected', { method: state.shipping });
      shippingPending = true;
      var button = byId('shipping-continue');
      button.classList.add('is-busy');
      button.setAttribute('aria-busy', 'true');
      byId('shipping-spinner').hidden = false;
      setTimeout(function () {
        shippingPending = false;
        button.classList.remove('is-busy');
        button.removeAttribute('aria-busy');
        byId('shipping-spinner').hidden = true;
        state.step = 3;
        writeCheckout(state);
        showStep(state);
      }, problems.shippingDelayMs());
    });
    byId('shipping-back').addEventListener('click', function () {
      if (shippingPending) return;
      state.step = 1;
      writeCheckout(state);
      showStep(state);
    });

    // Step 3: payment.
    var paying = false;
    byId('payment-form').addEventListener('submit', function (event) {
      event.preventDefault();
      if (paying) return;
      var values = {
        number: byId('card-number').value.trim(),
        expiry: byId('card-expiry').value.trim(),
        cvc: byId('card-cvc').value.trim(),
      };
      var problem = validatePayment(values);
      ['card-number', 'card-expiry', 'card-cvc'].forEach(function (field) {
        setFieldError(field, problem && problem.field === field ? problem.message : '');
      });
      if (problem) {
        showBanner('payment-error', problem.message);
        byId(problem.field).focus();
        return;
      }
      showBanner('payment-error', '');
      var cart = readCart();
      var subtotal = cartSubtotal(cart);
      var revenue = Math.round((subtotal + shippingCost(state.shipping, subtotal)) * 100) / 100;
      track('payment_submitted', { method: 'card', amount: revenue });
      paying = true;
      var button = byId('pay-button');
      button.classList.add('is-busy');
      button.setAttribute('aria-busy', 'true');
      button.innerHTML = '<span class="spinner" aria-hidden="true"></span> Processing…';
      setTimeout(function () {
        var orderId = 'NW-' + String(Math.floor(100000 + Math.random() * 900000));
        writeJson(sessionStorage, ORDER_KEY, {
          orderId: orderId,
          revenue: revenue,
          subtotal: subtotal,
          shipping: state.shipping,
          shippingCost: shippingCost(state.shipping, subtotal),
          email: state.address && state.address.email,
          items: cart,
          reported: false,
        });
        localStorage.removeItem(CART_KEY);
        sessionStorage.removeItem(CHECKOUT_KEY);
        location.href = '/confirmation.html?order=' + orderId;
      }, PAYMENT_PROCESSING_MS);
    });
    byId('payment-back').addEventListener('click', function () {
      if (paying) return;
      state.step = 2;
      writeCheckout(state);
      showStep(state);
    });

    showStep(state);
  }

  function initConfirmation() {
    var order = readJson(sessionStorage, ORDER_KEY, null);
    if (!order) {
      byId('order-number').textContent = '—';
      byId('order-details').hidden = true;
      byId('order-missing').hidden = false;
      return;
    }
    byId('order-number').textContent = order.orderId;
    if (order.email) byId('order-email').textContent = order.email;
    byId('order-items').innerHTML = (order.items || [])
      .map(function (line) {
        return (
          '<div class="summary-row"><span>' +
          line.quantity +
          ' × ' +
          escapeHtml(line.name) +
          ' <span class="muted">(' +
          escapeHtml(line.variantLabel) +
          ')</span></span><span>' +
          money(line.price * line.quantity) +
          '</span></div>'
        );
      })
      .join('');
    byId('order-shipping').textContent =
      (SHIPPING[order.shipping] || SHIPPING.standard).label +
      ' · ' +
      (order.shippingCost ? money(order.shippingCost) : 'Free');
    byId('order-total').textContent = money(order.revenue);
    if (!order.reported) {
      order.reported = true;
      writeJson(sessionStorage, ORDER_KEY, order);
      track('order_completed', { order_id: order.orderId, revenue: order.revenue, currency: 'USD' });
    }
  }

  function keepOnly(keepId, dropId) {
    var drop = byId(dropId);
    if (drop) drop.remove();
    var keep = byId(keepId);
    if (keep) keep.hidden = false;
  }

  function initHelp() {
    if (problems.isOn('confusing-shipping-help')) keepOnly('help-shipping-vague', 'help-shipping-answer');
    else keepOnly('help-shipping-answer', 'help-shipping-vague');
  }

  function initShippingInfo() {
    if (problems.isOn('confusing-shipping-help')) keepOnly('shipping-info-vague', 'shipping-info-rates');
    else keepOnly('shipping-info-rates', 'shipping-info-vague');
  }

  function initAccount() {
    var account = readJson(localStorage, ACCOUNT_KEY, {}) || {};
    var nameInput = byId('account-name');
    var emailInput = byId('account-email');
    var newsletter = byId('account-newsletter');
    if (account.name) nameInput.value = account.name;
    if (account.email) emailInput.value = account.email;
    newsletter.checked = Boolean(account.newsletter);
    function renderAvatar() {
      var initials = (account.name || '')
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 2)
        .map(function (word) {
          return word[0].toUpperCase();
        })
        .join('');
      byId('account-avatar').textContent = initials || '?';
      byId('account-display-name').textContent = account.name || 'Your account';
    }
    renderAvatar();
    byId('account-form').addEventListener('input', function () {
      byId('account-saved').hidden = true;
    });
    byId('account-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var next = {
        name: nameInput.value.trim(),
        email: emailInput.value.trim(),
        newsletter: newsletter.checked,
      };
      var nameError = next.name ? '' : 'Please enter your name.';
      var emailError =
        next.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(next.email)
          ? 'Please enter a valid email address, like jane@example.com.'
          : '';
      setFieldError('account-name', nameError);
      setFieldError('account-email', emailError);
      if (nameError || emailError) {
        showBanner('account-error', nameError || emailError);
        byId('account-saved').hidden = true;
        return;
      }
      showBanner('account-error', '');
      var changed = Object.keys(next).filter(function (key) {
        return next[key] !== account[key] && !(key === 'newsletter' && !next[key] && !account[key]);
      });
      account = next;
      writeJson(localStorage, ACCOUNT_KEY, account);
      renderAvatar();
      byId('account-saved').hidden = false;
      track('account_updated', { fields_changed: changed, newsletter: next.newsletter });
    });
  }

  var PAGES = {
    catalogue: initCatalogue,
    search: initSearch,
    product: initProduct,
    cart: initCart,
    checkout: initCheckout,
    confirmation: initConfirmation,
    help: initHelp,
    'shipping-info': initShippingInfo,
    account: initAccount,
  };

  // An inline field error goes away as soon as the field is edited; the banner stays until the next submit.
  document.addEventListener('input', function (event) {
    var field = event.target;
    if (field && field.id && field.getAttribute('aria-invalid') === 'true') setFieldError(field.id, '');
  });

  var page = document.body.getAttribute('data-page') || '';
  updateCartBadge(false);
  markCurrentNav(page);
  if (PAGES[page]) PAGES[page]();
})();
