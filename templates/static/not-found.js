// Ticker pages are lower case: a reader who typed /tickers/NVDA/ is sent to /tickers/nvda/.
(function () {
  var root = document.currentScript.getAttribute("data-root") || "/";
  var path = location.pathname, lower = path.toLowerCase();
  if (path !== lower && lower.indexOf(root + "tickers/") === 0) location.replace(lower + location.search + location.hash);
})();
