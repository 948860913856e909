// Draws each dashboard chart from the accessible table it belongs to, so the chart and the table
// always show the same numbers. Markup:
//   <canvas data-chart-for="table-id" role="img" aria-label="..."></canvas>
//   <table id="table-id" data-chart="bar|line" [data-stacked] [data-horizontal] [data-percent] [data-unit="days"]>
//     <thead><tr><th>label</th><th data-series>Series A</th>…</tr></thead>
//     <tbody><tr><th scope="row">Row label</th><td data-value="12">12</td>…</tr></tbody>
// Only the columns whose header has data-series are charted; a cell's data-value is its number
// (empty: no value).
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  // colours that keep 3:1 contrast against white and differ for the common colour-vision deficiencies
  var PALETTE = ['#1b6ac9', '#e07b00', '#2e8540', '#b3261e', '#6f42c1', '#5f6b7a', '#0b8a8a', '#a0522d'];

  function seriesOf(table) {
    var series = [];
    var headers = table.querySelectorAll('thead tr:last-child th');
    headers.forEach(function (th, index) {
      if (th.hasAttribute('data-series')) {
        series.push({ index: index, label: th.textContent.trim(), colour: th.getAttribute('data-colour') });
      }
    });
    return series;
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-chart-for'));
    if (!table) {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (row) {
      var head = row.querySelector('th');
      return head ? (head.getAttribute('data-label') || head.textContent.trim()) : '';
    });
    var type = table.getAttribute('data-chart') || 'bar';
    var stacked = table.hasAttribute('data-stacked');
    var horizontal = table.hasAttribute('data-horizontal');
    var percent = table.hasAttribute('data-percent');
    var unit = table.getAttribute('data-unit');
    var datasets = seriesOf(table).map(function (s, n) {
      var colour = s.colour || PALETTE[n % PALETTE.length];
      return {
        label: s.label,
        data: rows.map(function (row) {
          var cell = row.children[s.index];
          var value = cell ? cell.getAttribute('data-value') : null;
          return value === null || value === '' ? null : Number(value);
        }),
        backgroundColor: type === 'line' ? colour : colour + 'cc',
        borderColor: colour,
        borderWidth: type === 'line' ? 2 : 1,
        fill: false,
        tension: 0.2,
        spanGaps: true
      };
    });
    var valueAxis = {
      beginAtZero: true,
      stacked: stacked,
      max: percent ? 100 : undefined,
      title: { display: !!(percent || unit), text: percent ? '%' : unit }
    };
    var categoryAxis = { stacked: stacked, ticks: { autoSkip: true, maxRotation: 45 } };
    new Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: datasets.length > 1, position: 'bottom' } },
        scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis }
      }
    });
    canvas.setAttribute('data-drawn', 'true');
  }

  document.querySelectorAll('canvas[data-chart-for]').forEach(draw);
})();
