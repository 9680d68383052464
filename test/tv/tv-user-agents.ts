// Real user-agent strings of TVs and of things that are not TVs.
// Sources: Samsung's and LG's published web-engine UA tables (as quoted in Shaka Player's platform tests), Amazon's
// Fire TV UA page, and UAs recorded in public device-detection fixtures (Matomo device-detector, ua-parser tests).
import type { TvPlatform } from '../../src/tv/device';

export const TV_USER_AGENTS: [TvPlatform, string, string][] = [
  // Samsung Tizen
  ['tizen', 'Tizen 2.4 (2016)', 'Mozilla/5.0 (SMART-TV; Linux; Tizen 2.4.0) AppleWebKit/538.1 (KHTML, like Gecko) SamsungBrowser/1.1 TV Safari/538.1'],
  ['tizen', 'Tizen 4.0 (2018, Chromium 56)', 'Mozilla/5.0 (SMART-TV; Linux; Tizen 4.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/2.1 Chrome/56.0.2924.0 TV Safari/537.36'],
  ['tizen', 'Tizen 5.5 (2020)', 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 5.5) AppleWebKit/537.36 (KHTML, like Gecko) 69.0.3497.106.1/5.5 TV Safari/537.36'],
  ['tizen', 'Tizen 6.0 (2021)', 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36'],
  ['tizen', 'Tizen 2.3 (2015, no SMART-TV marker)', 'Mozilla/5.0 (Linux; Tizen 2.3) AppleWebKit/538.1 (KHTML, like Gecko)Version/2.3 TV Safari/538.1'],
  // LG webOS
  ['webos', 'webOS 3', 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) QtWebEngine/5.2.1 Chrome/38.0.2125.122 Safari/537.36 WebAppManager'],
  ['webos', 'webOS 4 (2018, Chromium 53)', 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.34 Safari/537.36 WebAppManager'],
  ['webos', 'webOS 22', 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36 WebAppManager'],
  ['webos', 'webOS 4 HbbTV browser', 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.34 Safari/537.36 HbbTV/1.4.1 (+DRM; LGE; 49UK6300PLB; WEBOS4.0 05.10.45; W4_LM18A; W4_LM18A;)'],
  ['webos', 'LG webOS 2016 set-top box', 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) QtWebEngine/5.2.1 Chr0me/38.0.2125.122 Safari/537.36 LG Browser/8.00.00(LGE; STB-5500-UA; 07.05.11; 1; DTV_H16A); webOS.TV-2016; LG NetCast.TV-2013 Compatible (LGE, STB-5500-UA, wireless)'],
  // Android TV / Google TV
  ['androidtv', 'NVIDIA SHIELD WebView', 'Mozilla/5.0 (Linux; Android 11; SHIELD Android TV Build/RQ1A.210105.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/129.0.6668.81 Mobile Safari/537.36'],
  ['androidtv', 'Sony BRAVIA (Vewd, "Andr0id")', 'Mozilla/5.0 (Linux; Andr0id 7.0; BRAVIA 4K GB Build/NRD91N.S139) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.143 Safari/537.36 OPR/40.0.2207.0 OMI/4.9.0.59.E9103576.154'],
  ['androidtv', 'Chromecast with Google TV', 'Mozilla/5.0 (Linux; Android 12; Chromecast Build/STTL.240508.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/128.0.6613.146 Mobile Safari/537.36 WebAppWrapper/1.0.1 (Google TV; Channel 4; google; ; )'],
  ['androidtv', 'Google TV 2010 (Logitech Revue)', 'Mozilla/5.0 (X11; U; Linux i686; en-US) AppleWebKit/533.4 (KHTML, like Gecko) Chrome/5.0.375.127 Large Screen Safari/533.4 GoogleTV/b54202'],
  // Amazon Fire TV
  ['firetv', 'Fire TV (Amazon docs, AFTB)', 'Mozilla/5.0 (Linux; U; Android 4.2.2; en-us; AFTB Build/JDQ39) AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30'],
  ['firetv', 'Fire TV Stick 4K Max web app', 'Mozilla/5.0 (Linux; Android 9; AFTKA Build/PMAIN1.19565D; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/106.0.5249.170 Mobile Safari/537.36 cordova-amazon-fireos/3.4.0 AmazonWebAppPlatform/3.4.0;2.0'],
  ['firetv', 'Fire TV Edition set', 'Mozilla/5.0 (Linux; Android 9; AFTR Build/PMAIN1.2211N; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/96.0.4664.92 Mobile Safari/537.36 cordova-amazon-fireos/3.4.0 AmazonWebAppPlatform/3.4.0;2.0'],
  // HbbTV
  ['hbbtv', 'Sony 2017 (Opera/Vewd)', 'Mozilla/5.0 (Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36 OPR/36.0.2128.0 OMI/4.8.0.129.PIXEL_UNICORN3.94 HbbTV/1.4.1 (+DRM;Sony; KDL-32WE613; v8.631-1000; ;2017LE;) FVC/2.0 (Sony;2017LE;)  sony.hbbtv.tv.2017LE'],
  ['hbbtv', 'TCL', 'Mozilla/5.0 (QtEmbedded; Linux) AppleWebKit/537.4 (KHTML, like Gecko) Chrome/48.0 Safari/537.4 HbbTV/1.4.1 (+DRM; TCL; RTK2841; V8-R41KT01-LF1V305; RTK2841; com.tcl.RTK2841;)'],
  ['hbbtv', 'Philips NetTV', 'Opera/9.80 (Linux armv7l; HbbTV/1.2.1 (; Philips; 40HFL5010T12; ; PHILIPSTV; CE-HTML/1.0 NETTV/4.4.1 SmartTvA/3.0.0 Firmware/004.002.036.135 (PhilipsTV, 3.1.1,)en) ) Presto/2.12.407 Version/12.50'],
  ['hbbtv', 'Freeview Play box (Vestel)', 'Mozilla/5.0 (Linux ) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.5359.128 Safari/537.36 OPR/46.0.2207.0 OMI/4.23.2.96.LIMA2.85 Model/Vestel-MB181 VSTVB MB100 FVC/8.0 (BUSH; MB181; ) HbbTV/1.6.1 (+DRM; BUSH; MB181; 3.9.5.0; ; _TV_G36_2023;) SmartTv'],
  // Set-top boxes and other TV browsers
  ['stb', 'Sky Q', 'Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) QtWebEngine/5.9.7 Chrome/56.0.2924.122 Safari/537.36 Sky_STB_ST412_2018/1.0.0 (Sky, EM150UK, )'],
  ['stb', 'Sky Stream (WPE)', 'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/601.1 (KHTML, like Gecko) Version/8.0 Safari/601.1 WPE Sky_OTT_RTD1319_2020/1.0.0 (Sky, XiOneUK, Wired)'],
  ['stb', 'Vestel TV without HbbTV', 'Opera/9.80 (Linux mips; ) Presto/2.12.407 Version/12.51 MB97/0.0.34.18 (DIGIHOME, Mxl661LG32, wireless) VSTVB_MB97 SmartTvA/3.0.0'],
  ['stb', 'Samsung Orsay (2012, before Tizen)', 'Mozilla/5.0 (SmartHub; SMART-TV; U; Linux/SmartTV; Maple2012) AppleWebKit/534.7 (KHTML, like Gecko) SmartTV Safari/534.7'],
  ['stb', 'LG NetCast (2013, before webOS)', 'Mozilla/5.0 (Unknown; Linux armv7l) AppleWebKit/537.1+ (KHTML, like Gecko) Safari/537.1+ LG Browser/6.00.00(+mouse+3D+SCREEN+TUNER; LGE; 42LA660S-ZA; 04.25.05; 0x00000001;); LG NetCast.TV-2013 /04.25.05 (LG, 42LA660S-ZA, wired)'],
  ['stb', 'Toshiba', 'Mozilla/5.0 (Linux; U; Linux; ja-jp; DTV; TSBNetTV/T3E01CD.0203.DDD) AppleWebKit/536(KHTML, like Gecko) NX/3.0 (DTV; HTML; R1.0;) DTVNetBrowser/2.2 (000039;T3E01CD;0203;DDD) InettvBrowser/2.2 (000039;T3E01CD;0203;DDD)'],
  ['stb', 'Roku', 'Roku/DVP-9.10 (519.10E04111A)'],
];

export const NOT_TV_USER_AGENTS: [string, string][] = [
  ['desktop Chrome (Windows)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'],
  ['desktop Chrome (Linux)', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'],
  ['desktop Safari', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15'],
  ['desktop Firefox', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/115.0'],
  ['iPhone Safari', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'],
  ['Android phone Chrome', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'],
  ['Samsung Internet on a Galaxy', 'Mozilla/5.0 (Linux; Android 7.0; SAMSUNG SM-G955U Build/NRD90M) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/5.4 Chrome/51.0.2704.106 Mobile Safari/537.36'],
  ['Quest 2 Browser', 'Mozilla/5.0 (Linux; Android 10; Quest 2) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/16.6.0.1.52.314146309 SamsungBrowser/4.0 Chrome/91.0.4472.164 VR Safari/537.36'],
  ['Quest 3 Browser (Android UA)', 'Mozilla/5.0 (Linux; Android 12; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/33.0.0.19.46.568453472 SamsungBrowser/4.0 Chrome/122.0.6261.139 Mobile VR Safari/537.36'],
  ['Quest 3 Browser (desktop-class UA)', 'Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/39.3.0.11.46.766180192 Chrome/136.0.7103.177 VR Safari/537.36'],
  ['Fire tablet (Silk, not AFT)', 'Mozilla/5.0 (Linux; Android 9; KFTRPWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/96.3.1 like Chrome/96.0.4664.175 Safari/537.36'],
  ['Tizen phone (says Android too)', 'Mozilla/5.0 (Linux; Tizen 2.2; SAMSUNG SM-Z9005) AppleWebKit/537.3 (KHTML, like Gecko) Version/2.2 like Android 4.1; Mobile Safari/537.3'],
  ['Palm webOS phone', 'Mozilla/5.0 (webOS/1.4.0; U; en-US) AppleWebKit/532.2 (KHTML, like Gecko) Version/1.0 Safari/532.2 Pre/1.0'],
  ['LuneOS tablet', 'Mozilla/5.0 (LuneOS, like webOS/3.0.5; Tablet) AppleWebKit/537.36 (KHTML, like Gecko) QtWebEngine/5.9.2 Chrome/56.0.2924.103 Safari/537.36'],
  ['empty user agent', ''],
];
