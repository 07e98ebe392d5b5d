/** Printable place page: a real « Imprimer » button when JavaScript is on. */
const bloc = document.getElementById('imprimer')
const bouton = document.getElementById('bouton-imprimer')
if (bloc && bouton) {
  bloc.hidden = false
  bouton.addEventListener('click', () => window.print())
}

export {}
