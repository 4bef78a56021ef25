// The pricing page's cost calculator. Runs in the browser only: it reads the prices the
// page embeds (<script id="pricing-data">, rendered from keyguide/facts/pricing.yml) and
// makes no request. requestCost mirrors keyguide.cost.request_cost; a test runs it under
// node against the Python function.
(function () {
  "use strict";

  var PER_TOKEN = 1000000;

  // USD for one request. inputTokens includes cachedTokens, as the API's usage does.
  function requestCost(pricing, model, inputTokens, outputTokens, cachedTokens, tier) {
    var price = pricing.models[model];
    if (!price) throw new Error("unknown model " + model);
    var mode = pricing.tiers[tier];
    if (!mode) throw new Error("unknown processing tier " + tier);
    if (!(cachedTokens >= 0 && cachedTokens <= inputTokens && outputTokens >= 0)) {
      throw new Error("cached tokens must be between 0 and the input tokens");
    }
    var multiplier = model in mode.by_model ? mode.by_model[model] : mode.multiplier;
    var long = pricing.long_context;
    var isLong = inputTokens > long.threshold_tokens;
    var inX = isLong ? long.input_multiplier : 1;
    var outX = isLong ? long.output_multiplier : 1;
    var cachedRate = price.cached_input === null ? price.input : price.cached_input;
    var usd =
      ((inputTokens - cachedTokens) * price.input * inX +
        cachedTokens * cachedRate * inX +
        outputTokens * price.output * outX) /
      PER_TOKEN;
    return usd * multiplier;
  }

  // $0.0123 for small sums, cents otherwise: enough digits to see a cheap request.
  function formatUsd(amount) {
    if (amount === 0) return "$0.00";
    if (amount < 0.01) return "$" + amount.toFixed(6).replace(/0+$/, "");
    return "$" + amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function attach(doc) {
    var data = doc.getElementById("pricing-data");
    var form = doc.querySelector('[data-testid="cost-calculator"]');
    if (!data || !form) return;
    var pricing = JSON.parse(data.textContent);
    var field = function (id) { return form.querySelector('[data-testid="' + id + '"]'); };
    var count = function (id) { return Number(field(id).value || 0); };

    function update() {
      var total = field("cost-total");
      var error = field("cost-error");
      try {
        var usd = requestCost(
          pricing,
          field("cost-model").value,
          count("cost-input-tokens"),
          count("cost-output-tokens"),
          count("cost-cached-tokens"),
          field("cost-tier").value
        );
        total.textContent = formatUsd(usd);
        total.setAttribute("data-usd", String(usd));
        error.textContent = "";
      } catch (e) {
        total.textContent = "—";
        total.removeAttribute("data-usd");
        error.textContent = e.message;
      }
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { requestCost: requestCost, formatUsd: formatUsd };
  }
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { attach(document); });
    } else {
      attach(document);
    }
  }
})();
