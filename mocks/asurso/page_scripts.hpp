// The scripts the asurso mock pages embed so that a person can use the mock in a browser:
// the NetSchool password proof (NS-HASH-1..3: encode, MD5, pw2 / PW), the login form
// (NS-LOGIN-2, NS-LOGIN-24), the password change form (NS-PWD-6) and the logout button
// (NS-SESSION-13). A tester never depends on them (NS-LOGIN-2): it drives /webapi itself.
// The texts are ES5 without "]]>" or "</script", for HtmlWriter::script().
#pragma once

#include <string_view>

namespace logintest::mocks::asurso::scripts {

// NS-HASH-1..3 and NS-PWD-1 in the browser: nsEncode, md5hex, asciiBytes, isLatin, plus the
// helpers formQuery and postTo (NS-LOGIN-24: form-POST `at` and requestData to a page).
inline constexpr std::string_view netschool = R"JS(var K=[0xd76aa478,0xe8c7b756,0x242070db,
0xc1bdceee,0xf57c0faf,0x4787c62a,0xa8304613,0xfd469501,0x698098d8,0x8b44f7af,0xffff5bb1,0x895cd7be,
0x6b901122,0xfd987193,0xa679438e,0x49b40821,0xf61e2562,0xc040b340,0x265e5a51,0xe9b6c7aa,0xd62f105d,
0x02441453,0xd8a1e681,0xe7d3fbc8,0x21e1cde6,0xc33707d6,0xf4d50d87,0x455a14ed,0xa9e3e905,0xfcefa3f8,
0x676f02d9,0x8d2a4c8a,0xfffa3942,0x8771f681,0x6d9d6122,0xfde5380c,0xa4beea44,0x4bdecfa9,0xf6bb4b60,
0xbebfbc70,0x289b7ec6,0xeaa127fa,0xd4ef3085,0x04881d05,0xd9d4d039,0xe6db99e5,0x1fa27cf8,0xc4ac5665,
0xf4292244,0x432aff97,0xab9423a7,0xfc93a039,0x655b59c3,0x8f0ccc92,0xffeff47d,0x85845dd1,0x6fa87e4f,
0xfe2ce6e0,0xa3014314,0x4e0811a1,0xf7537e82,0xbd3af235,0x2ad7d2bb,0xeb86d391];
var S=[7,12,17,22,5,9,14,20,4,11,16,23,6,10,15,21];
function md5hex(m){var n=m.length,l=((n+8)>>6)+1,w=[],i,j;for(i=0;i<l*16;i++)w[i]=0;
for(i=0;i<n;i++)w[i>>2]|=m[i]<<((i%4)*8);w[n>>2]|=0x80<<((n%4)*8);w[l*16-2]=n*8;
var h=[0x67452301,0xefcdab89|0,0x98badcfe|0,0x10325476];
for(j=0;j<w.length;j+=16){var a=h[0],b=h[1],c=h[2],d=h[3];
for(i=0;i<64;i++){var r=i>>4,f,g;
if(r===0){f=(b&c)|(~b&d);g=i;}else if(r===1){f=(d&b)|(~d&c);g=(5*i+1)%16;}
else if(r===2){f=b^c^d;g=(3*i+5)%16;}else{f=c^(b|~d);g=(7*i)%16;}
var x=(a+f+K[i]+w[j+g])|0,s=S[r*4+i%4],t=d;d=c;c=b;b=(b+((x<<s)|(x>>>(32-s))))|0;a=t;}
h[0]=(h[0]+a)|0;h[1]=(h[1]+b)|0;h[2]=(h[2]+c)|0;h[3]=(h[3]+d)|0;}
var o='';for(i=0;i<16;i++){var v=(h[i>>2]>>>((i%4)*8))&255;o+=(v<16?'0':'')+v.toString(16);}return o;}
function nsEncode(s){var b=[];for(var i=0;i<s.length;i++){var u=s.charCodeAt(i);
b.push(u<=0xFF?u:(u>=0x410&&u<=0x44F)?u-0x350:u===0x401?0xA8:u===0x451?0xB8:u===0x2116?0xB9:0);}
return b;}
function asciiBytes(s){var b=[];for(var i=0;i<s.length;i++)b.push(s.charCodeAt(i)&0xFF);return b;}
function isLatin(s){for(var i=0;i<s.length;i++){var u=s.charCodeAt(i);if(u<0x21||u>0x7E)return false;}
return true;}
function formQuery(o){var p=[];for(var k in o)p.push(encodeURIComponent(k)+'='+encodeURIComponent(o[k]));
return p.join('&');}
function postTo(path,fields){var f=document.createElement('form');f.method='post';f.action=path;
for(var k in fields){var i=document.createElement('input');i.type='hidden';i.name=k;i.value=fields[k];
f.appendChild(i);}document.body.appendChild(f);f.submit();}
function byId(id){return document.getElementById(id);})JS";

// NS-LOGIN-7 (re-selection), §6.4-§6.6: getdata, the proof, /webapi/login, then the entry
// point with `at` (NS-LOGIN-24); a 409 message goes to div#login-error.
inline constexpr std::string_view login_form =
    R"JS((function(){var f=byId('school-login');if(!f)return;
var names=['cid','sid','pid','cn','sft','scid'];
var lists=['countries','states','provinces','cities','funcs','schools'];
function sel(n){return byId('sel-'+n);}
function values(){var o={};names.forEach(function(n){o[n]=sel(n).value;});return o;}
function fill(n,items,selected){var s=sel(n);while(s.options.length>1)s.remove(1);
items.forEach(function(it){var o=document.createElement('option');o.value=it.id;o.textContent=it.name;
s.appendChild(o);});s.value=String(selected);}
function err(t){byId('login-error').textContent=t;}
names.forEach(function(n,i){sel(n).addEventListener('change',function(){var v=values(),q={};
for(var j=0;j<=i;j++)q[names[j]]=v[names[j]];
fetch('/webapi/prepareloginform?'+formQuery(q)).then(function(r){return r.json();}).then(function(d){
names.forEach(function(m,k){fill(m,d[lists[k]],d[m]);});});});});
f.addEventListener('submit',function(e){e.preventDefault();var pw=byId('PW').value;
fetch('/webapi/auth/getdata',{method:'POST',credentials:'same-origin'}).then(function(r){return r.json();})
.then(function(d){var pw2=md5hex(asciiBytes(d.salt+md5hex(nsEncode(pw))));var b=values();
b.LoginType='1';b.UN=byId('UN').value;b.PW=pw2.substring(0,Math.min(pw.length,32));b.pw2=pw2;
b.lt=d.lt;b.ver=d.ver;b.category=byId('category').value;
return fetch('/webapi/login',{method:'POST',credentials:'same-origin',
headers:{'Content-Type':'application/x-www-form-urlencoded'},body:formQuery(b)});})
.then(function(r){return r.json().then(function(j){return {s:r.status,j:j};});})
.then(function(x){if(x.s!==200){err(x.j.message||'');return;}var p=x.j.requestData||{};p.at=x.j.at;
postTo(x.j.entryPoint,p);}).catch(function(){err('');});});})();)JS";

// NS-PWD-5, -6: the four fields from the typed passwords, the repetition checked first.
inline constexpr std::string_view password_form =
    R"JS((function(){var f=byId('chpwd-form');if(!f)return;
var at=byId('at').value;function err(t){byId('chpwd-error').textContent=t;}
f.addEventListener('submit',function(e){e.preventDefault();var o=byId('old-password').value,
n=byId('new-password').value;if(n!==byId('new-password-confirm').value){err(f.getAttribute('data-mismatch'));
return;}var b={oldPassword:md5hex(nsEncode(o)),password:md5hex(nsEncode(n)),newPasswordLength:n.length,
newPasswordIsLatin:isLatin(n)};
fetch('/webapi/users/'+f.getAttribute('data-user-id')+'/password',{method:'POST',credentials:'same-origin',
headers:{'Content-Type':'application/json','at':at},body:JSON.stringify(b)})
.then(function(r){return r.json();}).then(function(j){err(j.message||'');}).catch(function(){err('');});});
})();)JS";

// NS-SESSION-13: the logout button posts /webapi/auth/logout with `at`, then the portal.
inline constexpr std::string_view logout_form =
    R"JS((function(){var f=byId('logout-form');if(!f)return;
f.addEventListener('submit',function(e){e.preventDefault();
fetch('/webapi/auth/logout',{method:'POST',credentials:'same-origin',headers:{'at':byId('at').value}})
.then(function(){location.href='/';});});})();)JS";

} // namespace logintest::mocks::asurso::scripts
