/* spoilerguard: a spoiler's button shows and hides its text (and the rest of
   a sentence split around other markup), by mouse, touch and keyboard. */
(function(){if(window.spoilerguard)return;window.spoilerguard=1;
document.addEventListener('click',function(e){
var b=e.target.closest&&e.target.closest('[data-spoilerguard=toggle]');if(!b)return;
var open=b.getAttribute('aria-expanded')!=='true',marks=document.querySelectorAll('.spoiler[data-spoilerguard]'),on=0;
b.setAttribute('aria-expanded',open?'true':'false');
for(var i=0;i<marks.length;i++){var m=marks[i];
if(m===b.parentNode)on=1;else if(on&&!/(^|\s)continued(\s|$)/.test(m.getAttribute('data-spoilerguard')))break;
if(on){var c=m.querySelector('[data-spoilerguard=content]');if(c)c.hidden=!open;}}});})();
