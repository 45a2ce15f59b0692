// The assistant's chat panel: asks /tro-ly for just the answer (khung=1) and shows it in the panel.
// Without JavaScript the same form opens the assistant page, so nothing here is needed to use it.
(function () {
  var panel = document.getElementById('tro-ly');
  if (!panel || !window.fetch || !window.URLSearchParams) return;
  var log = panel.querySelector('.assistant-log');
  var form = panel.querySelector('form');
  var input = form.querySelector('input[name=q]');

  function ask(params, shown) {
    var you = document.createElement('p');
    you.className = 'you';
    you.textContent = shown;
    log.appendChild(you);
    var reply = document.createElement('div');
    reply.className = 'assistant-reply';
    reply.textContent = log.getAttribute('data-waiting');
    log.appendChild(reply);
    params.set('khung', '1');
    fetch(form.action + '?' + params.toString(), {credentials: 'same-origin'})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var answer = document.createElement('div');
        answer.innerHTML = html; // rendered by the server, every text escaped there
        reply.replaceWith(answer.firstElementChild || answer);
        you.scrollIntoView({block: 'start'});
      }, function () { reply.textContent = log.getAttribute('data-failed'); });
  }

  form.addEventListener('submit', function (event) {
    var question = input.value.trim();
    if (!question) return;
    event.preventDefault();
    ask(new URLSearchParams({q: question}), question);
    input.value = '';
  });

  log.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-assistant]');
    if (!link) return;
    event.preventDefault();
    ask(new URL(link.href).searchParams, link.textContent);
  });
})();
