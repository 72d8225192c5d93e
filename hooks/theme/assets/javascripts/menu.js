// Material's menu button is a <label> for a hidden checkbox (#__drawer): a
// mouse opens the drawer, a keyboard cannot. partials/header.html gives it
// role="button", a name and a place in the tab order; this script does what a
// real button would: Enter and Space press it, aria-expanded says whether the
// drawer is open, and Escape closes an open drawer and returns the focus to the
// button (WCAG 2.1.1, 4.1.2).
//
// The menu's submenu toggles ("För redaktörer") are the same kind of <label>:
// Material puts them in the tab order but gives them no role and no state (a
// screen reader heard an unnamed "label"), so they get role="button" here too.
//
// Keys are handled on the control itself and stopped there: Material's own
// window-wide Enter handler would otherwise click the label a second time.

const BUTTONS = "label[role=button][for]";
const SUBMENUS = ".md-nav--primary label.md-nav__link[for][tabindex='0']";

for (const label of document.querySelectorAll(SUBMENUS)) label.setAttribute("role", "button");
for (const label of document.querySelectorAll(BUTTONS)) asButton(label);

function asButton(label) {
  const toggle = document.getElementById(label.htmlFor);
  if (!(toggle instanceof HTMLInputElement)) return;
  const sync = () => label.setAttribute("aria-expanded", String(toggle.checked));
  sync();
  toggle.addEventListener("change", sync); // Material clicks the toggles too (closing the drawer on resize)
  label.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault(); // Space would scroll the page
    event.stopPropagation();
    label.click();
  });
}

// Escape closes the open drawer, wherever the focus is in it.
const drawer = document.getElementById("__drawer");
const menuButton = document.querySelector("label.md-header__button[for=__drawer]");
window.addEventListener("keydown", (event) => {
  if (event.key !== "Escape" || !drawer?.checked) return;
  drawer.click();
  menuButton?.focus();
});
