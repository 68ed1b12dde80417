// The weekly chart on the staff home (institutions panel). Progressive enhancement only: the figures
// come from the table next to the canvas (data-week / data-received / data-decided on each row), and the
// table stays for screen readers and for browsers without JavaScript.
document.addEventListener('DOMContentLoaded', function () {
  var tables = document.querySelectorAll('table[data-chart]');
  if (!tables.length || typeof window.Chart === 'undefined') {
    return;
  }
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  Array.prototype.forEach.call(tables, function (table) {
    var canvas = document.getElementById(table.getAttribute('data-chart'));
    var rows = table.querySelectorAll('tbody tr[data-week]');
    var headings = table.querySelectorAll('thead th');
    if (!canvas || !rows.length || headings.length < 3) {
      return;
    }
    var labels = [];
    var received = [];
    var decided = [];
    Array.prototype.forEach.call(rows, function (row) {
      labels.push(row.getAttribute('data-week'));
      received.push(Number(row.getAttribute('data-received')));
      decided.push(Number(row.getAttribute('data-decided')));
    });
    canvas.hidden = false;
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          { label: headings[1].textContent.trim(), data: received, backgroundColor: '#1f4e8c' },
          { label: headings[2].textContent.trim(), data: decided, backgroundColor: '#b35900' }
        ]
      },
      options: {
        animation: reducedMotion ? false : undefined,
        scales: {
          x: { title: { display: true, text: headings[0].textContent.trim() } },
          y: { beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  });
});
